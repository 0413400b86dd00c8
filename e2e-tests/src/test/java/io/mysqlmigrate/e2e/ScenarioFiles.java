package io.mysqlmigrate.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The ready configurations under {@code config/<scenario>/}: {@code ${NAME}} placeholders for what differs per site,
 * and config provider references ({@code ${file:<path>:<key>}}) for secrets. Filling a file replaces every placeholder
 * (a placeholder without a value is an error naming it) and points the documented secrets file at the test's own.
 */
final class ScenarioFiles {

    static final Path CONFIG_DIR = Path.of(System.getProperty("mysqlmigrate.config.dir", "../config"));
    static final Path DOCS_DIR = CONFIG_DIR.toAbsolutePath().normalize().resolveSibling("docs");
    /** The secrets file the configurations name, as a worker would hold it. */
    static final String DOCUMENTED_SECRETS_FILE = "/etc/mysql-migrate/secrets.properties";
    /** Directories whose files are templates that the embedded default fills ({@code {{...}}}), tested elsewhere. */
    static final List<String> TEMPLATE_DIRS = List.of("embedded");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    private static final Pattern PROVIDER_REFERENCE = Pattern.compile("\\$\\{([a-z]+):([^:}]*):([^}]+)}");

    private ScenarioFiles() {
    }

    /** A filled connector configuration. */
    record Filled(Path file, String name, Map<String, String> config) {
    }

    /** Every scenario directory under config/ (those holding JSON files), templates left out. */
    static List<Path> scenarioDirs() {
        try (Stream<Path> dirs = Files.list(CONFIG_DIR)) {
            return dirs.filter(Files::isDirectory)
                    .filter(d -> !TEMPLATE_DIRS.contains(d.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every JSON file under config/, templates left out: the files that must validate. */
    static List<Path> files() {
        try (Stream<Path> files = Files.walk(CONFIG_DIR)) {
            return files.filter(f -> f.toString().endsWith(".json"))
                    .filter(f -> !TEMPLATE_DIRS.contains(CONFIG_DIR.relativize(f).getName(0).toString()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The raw file: name and config as written, nothing replaced. */
    static Filled raw(Path file) {
        return parse(file, read(file));
    }

    /**
     * The file with every {@code ${NAME}} replaced from {@code values} and every reference to the documented secrets
     * file pointed at {@code secretsFile}. Fails on a placeholder without a value and on a reference to any other file.
     */
    static Filled fill(Path file, Map<String, String> values, Path secretsFile) {
        String text = read(file);
        List<String> missing = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                missing.add(m.group(1));
                value = m.group();
            }
            m.appendReplacement(filled, Matcher.quoteReplacement(value.replace("\\", "\\\\").replace("\"", "\\\"")));
        }
        m.appendTail(filled);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(file + " has placeholders the test gives no value: " + missing);
        }
        Matcher r = PROVIDER_REFERENCE.matcher(filled.toString());
        StringBuilder resolved = new StringBuilder();
        while (r.find()) {
            if (!r.group(1).equals("file") || !r.group(2).equals(DOCUMENTED_SECRETS_FILE)) {
                throw new IllegalArgumentException(file + " references " + r.group() + "; the documented secrets file is "
                        + DOCUMENTED_SECRETS_FILE);
            }
            r.appendReplacement(resolved, Matcher.quoteReplacement("${file:" + secretsFile.toAbsolutePath() + ":" + r.group(3) + "}"));
        }
        r.appendTail(resolved);
        // Other files the configurations name on the workers (CA certificates) sit beside the test's secrets file.
        String text2 = resolved.toString().replaceAll("/etc/mysql-migrate/([\\w.-]+\\.pem)",
                Matcher.quoteReplacement(secretsFile.toAbsolutePath().getParent().toString()) + "/$1");
        return parse(file, text2);
    }

    static List<String> providerReferences(String value) {
        List<String> refs = new ArrayList<>();
        Matcher r = PROVIDER_REFERENCE.matcher(value);
        while (r.find()) {
            refs.add(r.group());
        }
        return refs;
    }

    static boolean hasPlaceholder(String value) {
        return PLACEHOLDER.matcher(value).find();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Filled parse(Path file, String text) {
        try {
            JsonNode root = new ObjectMapper().readTree(text);
            if (!root.hasNonNull("name") || !root.path("config").isObject() || root.size() != 2) {
                throw new IllegalArgumentException(file + " must hold exactly {\"name\": ..., \"config\": {...}}");
            }
            Map<String, String> config = new LinkedHashMap<>();
            root.get("config").fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual()) {
                    throw new IllegalArgumentException(file + ": " + e.getKey() + " must be a string, as Connect stores it");
                }
                config.put(e.getKey(), e.getValue().asText());
            });
            return new Filled(file, root.get("name").asText(), config);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
