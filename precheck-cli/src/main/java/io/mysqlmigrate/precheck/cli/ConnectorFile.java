package io.mysqlmigrate.precheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.source.MigrationSourceConfig;
import java.io.Console;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.apache.kafka.common.config.provider.DirectoryConfigProvider;
import org.apache.kafka.common.config.provider.EnvVarConfigProvider;
import org.apache.kafka.common.config.provider.FileConfigProvider;

/**
 * A connector configuration exactly as POSTed to Connect: {@code {"name": ..., "config": {...}}}, or a bare config
 * object as PUT to {@code /connectors/<name>/config}; or the configuration a worker holds for a registered connector
 * ({@code GET /connectors/<name>/config}). The precheck reads these, so it checks what will run.
 * <p>
 * Config provider references ({@code ${file:<path>:<key>}}, {@code ${directory:<dir>:<file>}},
 * {@code ${env:<VARIABLE>}}) are resolved here as a worker configured with those providers resolves them: Connect's
 * REST API returns them unresolved, so the tool reads the same secrets file or variable where it runs. A password
 * setting whose reference cannot be resolved here (another machine's file, a provider of another name) is asked for
 * on the terminal, never echoed; without a terminal the error says how to give it.
 */
public record ConnectorFile(String name, Map<String, String> config) {

    private static final Pattern PROVIDER_REFERENCE = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_.-]*):[^}]*}");
    private static final Pattern UNFILLED = Pattern.compile("\\{\\{[A-Z0-9_]+}}|\\$\\{[A-Z][A-Z0-9_]*}");

    /** The settings of both connectors that hold a password: only these are ever asked for. */
    static final Set<String> PASSWORD_SETTINGS = passwordSettings(MigrationSourceConfig.CONFIG_DEF, MigrationSinkConfig.CONFIG_DEF);

    /** Where a password the tool cannot resolve comes from: the terminal, or nothing (scripts, tests). */
    public interface PasswordPrompt {
        /** The password typed for this question, or null when nobody can be asked. */
        char[] ask(String question);

        /** java.io.Console, which does not echo what is typed; null (cannot ask) without a terminal. */
        static PasswordPrompt console() {
            return question -> {
                Console console = System.console();
                return console == null ? null : console.readPassword("%s", question);
            };
        }

        PasswordPrompt NONE = question -> null;
    }

    public static ConnectorFile read(Path file) throws IOException {
        return read(file, PasswordPrompt.NONE);
    }

    public static ConnectorFile read(Path file, PasswordPrompt prompt) throws IOException {
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
        String name = root.has("name") ? root.get("name").asText() : config.getOrDefault("name", file.getFileName().toString());
        config = resolveProviderReferences(file.toString(), name, config, prompt,
                "run the command where the worker's secrets are (the same file or variable)");
        return new ConnectorFile(name, config);
    }

    /**
     * A registered connector's configuration as the worker returns it, its provider references resolved here.
     *
     * @param origin where it was read, for messages (e.g. {@code http://connect:8083/connectors/shop-source/config})
     */
    public static ConnectorFile fromWorker(String name, Map<String, String> raw, String origin, PasswordPrompt prompt)
            throws IOException {
        Map<String, String> config = resolveProviderReferences(origin, name, new LinkedHashMap<>(raw), prompt,
                "run the command where the worker's secrets are readable (the same file path or environment variable the "
                        + "worker's config providers read)");
        return new ConnectorFile(name, config);
    }

    private static Map<String, String> resolveProviderReferences(String origin, String connector, Map<String, String> config,
            PasswordPrompt prompt, String fix) throws IOException {
        if (config.values().stream().noneMatch(v -> PROVIDER_REFERENCE.matcher(v).find())) {
            return config;
        }
        ConfigTransformer transformer = new ConfigTransformer(providers());
        Map<String, String> resolved = new LinkedHashMap<>(config);
        for (Map.Entry<String, String> e : resolved.entrySet()) {
            if (PROVIDER_REFERENCE.matcher(e.getValue()).find() && pathsReadable(e.getValue())) {
                try {
                    e.setValue(transformer.transform(Map.of(e.getKey(), e.getValue())).data().get(e.getKey()));
                } catch (ConfigException unreadable) {
                    // a file that is not there: the value stays a reference and is handled below
                }
            }
        }
        for (Map.Entry<String, String> e : resolved.entrySet()) {
            Matcher reference = PROVIDER_REFERENCE.matcher(e.getValue());
            if (!reference.find()) {
                continue;
            }
            String setting = e.getKey();
            String why = origin + ": '" + setting + "' references " + e.getValue() + ", which the worker resolves with its config "
                    + "providers and which cannot be resolved here (" + reason(reference.group(1)) + ")";
            if (!PASSWORD_SETTINGS.contains(setting)) {
                throw new IOException(why + "; " + fix);
            }
            char[] typed = prompt.ask(connector + "'s " + setting + " is " + e.getValue() + " on the worker, not readable here. "
                    + "Type it (not shown): ");
            if (typed == null) {
                throw new IOException(why + "; " + fix + ", or run it in a terminal to be asked for the password");
            }
            e.setValue(new String(typed));
            java.util.Arrays.fill(typed, '\0');
        }
        return resolved;
    }

    private static final Pattern PATH_REFERENCE = Pattern.compile("\\$\\{(?:file|directory):([^}:]+):[^}]*}");

    /** False when a file or directory reference names a path not readable here (Kafka's providers log that as an error). */
    private static boolean pathsReadable(String value) {
        Matcher m = PATH_REFERENCE.matcher(value);
        while (m.find()) {
            if (!java.nio.file.Files.isReadable(Path.of(m.group(1)))) {
                return false;
            }
        }
        return true;
    }

    private static String reason(String provider) {
        return switch (provider) {
            case "file", "directory", "env" -> "no such file, key or environment variable on this machine";
            default -> "'" + provider + "' is a provider of the worker's own configuration; this tool knows file, directory and env";
        };
    }

    private static Map<String, ConfigProvider> providers() {
        FileConfigProvider files = new FileConfigProvider();
        files.configure(Map.of());
        DirectoryConfigProvider directories = new DirectoryConfigProvider();
        directories.configure(Map.of());
        EnvVarConfigProvider env = new EnvVarConfigProvider();
        env.configure(Map.of());
        return Map.of("file", files, "directory", directories, "env", env);
    }

    private static Set<String> passwordSettings(ConfigDef... defs) {
        Set<String> names = new TreeSet<>();
        Stream.of(defs).flatMap(d -> d.configKeys().values().stream())
                .filter(k -> k.type == ConfigDef.Type.PASSWORD).forEach(k -> names.add(k.name));
        return Set.copyOf(names);
    }
}
