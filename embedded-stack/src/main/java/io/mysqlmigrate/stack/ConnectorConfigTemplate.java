package io.mysqlmigrate.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A connector configuration file as POSTed to Connect ({@code {"name": ..., "config": {...}}}) with
 * {@code {{PLACEHOLDER}}} values filled in. Every placeholder must be given a value: a forgotten one is an error
 * naming it, never a literal sent to the worker.
 */
public record ConnectorConfigTemplate(String name, Map<String, String> config) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Z0-9_]+)}}");

    public static ConnectorConfigTemplate load(Path file, Map<String, String> values) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read connector configuration " + file, e);
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(file + " needs a value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(filled, Matcher.quoteReplacement(jsonEscape(value)));
        }
        m.appendTail(filled);
        try {
            JsonNode root = new ObjectMapper().readTree(filled.toString());
            Map<String, String> config = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = root.path("config").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                config.put(e.getKey(), e.getValue().asText());
            }
            if (!root.hasNonNull("name") || config.isEmpty()) {
                throw new IllegalArgumentException(file + " must hold {\"name\": ..., \"config\": {...}}");
            }
            return new ConnectorConfigTemplate(root.get("name").asText(), config);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static String jsonEscape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
