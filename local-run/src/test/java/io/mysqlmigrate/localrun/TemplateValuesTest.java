package io.mysqlmigrate.localrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mysqlmigrate.stack.ConnectorConfigTemplate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateValuesTest {
    private static final Path CONFIG = Path.of("..", "config", "embedded");
    private final Endpoint source = new Endpoint("source", "127.0.0.1", 40001, "migrate", "pw\"1", true);
    private final Endpoint destination = new Endpoint("destination", "db2", 3306, "app", "pw2", false);

    @Test
    void everyPlaceholder() {
        Map<String, String> values = TemplateValues.of("demo", source, destination, List.of("shop", "crm"),
                "127.0.0.1:9092");
        assertEquals(Map.ofEntries(
                Map.entry("NAME", "demo"),
                Map.entry("SOURCE_HOST", "127.0.0.1"),
                Map.entry("SOURCE_PORT", "40001"),
                Map.entry("SOURCE_USER", "migrate"),
                Map.entry("SOURCE_PASSWORD", "pw\"1"),
                Map.entry("DESTINATION_HOST", "db2"),
                Map.entry("DESTINATION_PORT", "3306"),
                Map.entry("DESTINATION_USER", "app"),
                Map.entry("DESTINATION_PASSWORD", "pw2"),
                Map.entry("DATABASES", "shop,crm"),
                Map.entry("TOPICS", "demo.shop,demo.crm"),
                Map.entry("BOOTSTRAP_SERVERS", "127.0.0.1:9092")), values);
    }

    @Test
    void topicsAreNameDotDatabase() {
        assertEquals("demo.shop", TemplateValues.topics("demo", List.of("shop")));
        assertEquals("m.a,m.b,m.c", TemplateValues.topics("m", List.of("a", "b", "c")));
        assertThrows(IllegalArgumentException.class,
                () -> TemplateValues.of("demo", source, destination, List.of(), "x:1"));
    }

    @Test
    void theEmbeddedTemplatesAreFilledCompletely() {
        Map<String, String> values = TemplateValues.of("demo", source, destination, List.of("shop"), "127.0.0.1:9092");
        ConnectorConfigTemplate src = ConnectorConfigTemplate.load(CONFIG.resolve("source.json"), values);
        ConnectorConfigTemplate sink = ConnectorConfigTemplate.load(CONFIG.resolve("sink.json"), values);
        assertEquals("demo-source", src.name());
        assertEquals("demo-sink", sink.name());
        assertEquals("demo.shop", sink.config().get("topics"));
        assertEquals("pw\"1", src.config().get("source.password"), "a quote survives the JSON template");
        assertEquals("40001", src.config().get("source.port"));
        assertEquals("shop", src.config().get("databases.include"));
        assertEquals("demo", src.config().get("topic.prefix"));
        assertEquals("db2", sink.config().get("destination.hostname"));
        for (Map<String, String> config : List.of(src.config(), sink.config())) {
            config.values().forEach(v -> assertFalse(v.contains("{{"), v));
        }
    }
}
