package io.mysqlmigrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mysqlmigrate.stack.SharedStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plugin archives as users install them: Confluent Hub layout, none of the libraries the worker already
 * provides (a second Kafka, slf4j or Jackson breaks class loading), and both connectors found by a stock worker
 * through plugin.path.
 */
class PluginArchivesOnKafkaConnectIT {

    private static final Path PLUGIN_PATH = Path.of(System.getProperty("mysqlmigrate.plugin.path", "target/plugins"));
    private static final Pattern WORKER_PROVIDED = Pattern.compile(
            "^(kafka-clients|kafka_2\\.\\d+|connect-(api|runtime|json|transforms)|slf4j-.*|jackson-.*|log4j-.*|jakarta\\.ws\\.rs-api)-\\d.*\\.jar$");

    private static List<Path> plugins() throws IOException {
        try (Stream<Path> dirs = Files.list(PLUGIN_PATH)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        }
    }

    @Test
    void eachArchiveHasTheHubLayoutAndNoWorkerLibraries() throws IOException {
        List<Path> plugins = plugins();
        assertEquals(2, plugins.size(), "source and sink archives under " + PLUGIN_PATH + ": " + plugins);
        for (Path plugin : plugins) {
            JsonNode manifest = new ObjectMapper().readTree(plugin.resolve("manifest.json").toFile());
            assertTrue(List.of("source", "sink").contains(manifest.path("component_type").asText()), plugin + ": " + manifest);
            assertTrue(Files.isRegularFile(plugin.resolve("doc/README.md")), plugin + " has doc/README.md");
            assertTrue(Files.isRegularFile(plugin.resolve("doc/LICENSE")), plugin + " has doc/LICENSE");
            try (Stream<Path> jars = Files.list(plugin.resolve("lib"))) {
                List<String> names = jars.map(p -> p.getFileName().toString()).toList();
                assertTrue(names.stream().anyMatch(n -> n.startsWith("source-connector-") || n.startsWith("sink-connector-")), plugin + ": " + names);
                List<String> provided = names.stream().filter(n -> WORKER_PROVIDED.matcher(n).matches()).toList();
                assertEquals(List.of(), provided, plugin + " must not bundle what the worker provides");
            }
        }
    }

    @Test
    void aStockWorkerLoadsBothConnectorsFromPluginPath() {
        List<String> plugins = SharedStack.get().rest().connectorPlugins();
        assertTrue(plugins.contains("io.mysqlmigrate.source.MigrationSourceConnector"), plugins.toString());
        assertTrue(plugins.contains("io.mysqlmigrate.sink.MigrationSinkConnector"), plugins.toString());
    }

    @Test
    void theWorkerValidatesConfigurationsWithOurConfigDef() {
        JsonNode result = SharedStack.get().rest().validate("io.mysqlmigrate.source.MigrationSourceConnector",
                java.util.Map.of("migration.types", "full", "topic.prefix", "bad prefix"));
        assertTrue(result.path("error_count").asInt() >= 3, result.toString());
        String text = result.toString();
        assertTrue(text.contains("schema,full,incremental"), "the migration type error names the supported combinations");
    }
}
