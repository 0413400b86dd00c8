package io.mysqlmigrate.precheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connector configuration exactly as POSTed to Connect: {@code {"name": ..., "config": {...}}}, or a bare config
 * object as PUT to {@code /connectors/<name>/config}. The precheck reads these files, so it checks what will run.
 */
public record ConnectorFile(String name, Map<String, String> config) {

    public static ConnectorFile read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        JsonNode configNode = root.has("config") ? root.get("config") : root;
        Map<String, String> config = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = configNode.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String value = e.getValue().asText();
            if (value.contains("{{")) {
                throw new IOException(file + ": '" + e.getKey() + "' still holds a placeholder (" + value
                        + "); fill in the real value first");
            }
            config.put(e.getKey(), value);
        }
        String name = root.has("name") ? root.get("name").asText() : config.getOrDefault("name", file.getFileName().toString());
        return new ConnectorFile(name, config);
    }
}
