package io.mysqlmigrate.precheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.apache.kafka.common.config.provider.EnvVarConfigProvider;
import org.apache.kafka.common.config.provider.FileConfigProvider;

/**
 * A connector configuration exactly as POSTed to Connect: {@code {"name": ..., "config": {...}}}, or a bare config
 * object as PUT to {@code /connectors/<name>/config}. The precheck reads these files, so it checks what will run.
 * Config provider references ({@code ${file:<path>:<key>}}, {@code ${env:<VARIABLE>}}) are resolved here as a worker
 * configured with those providers resolves them, so the files in {@code config/} are checked as they are POSTed.
 */
public record ConnectorFile(String name, Map<String, String> config) {

    private static final Pattern PROVIDER_REFERENCE = Pattern.compile("\\$\\{(file|env):[^}]*}");
    private static final Pattern UNFILLED = Pattern.compile("\\{\\{[A-Z0-9_]+}}|\\$\\{[A-Z][A-Z0-9_]*}");

    public static ConnectorFile read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        JsonNode configNode = root.has("config") ? root.get("config") : root;
        Map<String, String> config = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = configNode.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String value = e.getValue().asText();
            if (UNFILLED.matcher(value).find()) {
                throw new IOException(file + ": '" + e.getKey() + "' still holds a placeholder (" + value
                        + "); fill in the real value first");
            }
            config.put(e.getKey(), value);
        }
        config = resolveProviderReferences(file, config);
        String name = root.has("name") ? root.get("name").asText() : config.getOrDefault("name", file.getFileName().toString());
        return new ConnectorFile(name, config);
    }

    private static Map<String, String> resolveProviderReferences(Path file, Map<String, String> config) throws IOException {
        if (config.values().stream().noneMatch(v -> PROVIDER_REFERENCE.matcher(v).find())) {
            return config;
        }
        FileConfigProvider files = new FileConfigProvider();
        files.configure(Map.of());
        EnvVarConfigProvider env = new EnvVarConfigProvider();
        env.configure(Map.of());
        Map<String, ConfigProvider> providers = Map.of("file", files, "env", env);
        Map<String, String> resolved = new LinkedHashMap<>(new ConfigTransformer(providers).transform(config).data());
        for (Map.Entry<String, String> e : resolved.entrySet()) {
            if (PROVIDER_REFERENCE.matcher(e.getValue()).find()) {
                throw new IOException(file + ": '" + e.getKey() + "' references " + e.getValue() + ", which cannot be resolved "
                        + "here (no such file, key or environment variable): run the precheck where the worker's secrets are");
            }
        }
        return resolved;
    }
}
