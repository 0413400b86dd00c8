package io.mysqlmigrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * k8s/, which no cluster here can apply: the Strimzi resources parse, build an image with both plugin archives of
 * this version, mount the secrets where the configurations read them, export metrics with the rules file, and the
 * KafkaConnector resources carry exactly the settings of the validated files in config/same-account/.
 */
class KubernetesResourcesTest {

    private static final Path K8S = DockerDeploymentFilesTest.ROOT.resolve("k8s");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theConnectClusterBuildsBothPluginsMountsTheSecretsAndExportsMetrics() throws IOException {
        List<JsonNode> docs = documents("kafka-connect.yaml");
        JsonNode connect = one(docs, "KafkaConnect");
        assertEquals("kafka.strimzi.io/v1beta2", connect.path("apiVersion").asText());
        assertEquals("true", connect.path("metadata").path("annotations").path("strimzi.io/use-connector-resources").asText());
        assertEquals(DockerDeploymentFilesTest.kafkaVersion(), connect.path("spec").path("version").asText());

        String version = projectVersion();
        List<String> urls = new ArrayList<>();
        for (JsonNode plugin : connect.path("spec").path("build").path("plugins")) {
            for (JsonNode artifact : plugin.path("artifacts")) {
                assertEquals("zip", artifact.path("type").asText());
                urls.add(artifact.path("url").asText().replaceAll(".*/", ""));
            }
        }
        assertEquals(List.of("source-connector-" + version + "-plugin.zip", "sink-connector-" + version + "-plugin.zip"), urls,
                "the archives `mvn package` builds, by their file names");

        JsonNode config = connect.path("spec").path("config");
        assertEquals("file,env", config.path("config.providers").asText());
        assertEquals("org.apache.kafka.common.config.provider.FileConfigProvider", config.path("config.providers.file.class").asText());

        Path secretsFile = Path.of(ScenarioFiles.DOCUMENTED_SECRETS_FILE);
        assertEquals(secretsFile.getParent().toString(), config.path("config.providers.file.param.allowed.paths").asText());
        JsonNode mount = connect.path("spec").path("template").path("connectContainer").path("volumeMounts").get(0);
        assertEquals(secretsFile.getParent().toString(), mount.path("mountPath").asText());
        JsonNode volume = connect.path("spec").path("template").path("pod").path("volumes").get(0);
        assertEquals(mount.path("name").asText(), volume.path("name").asText());
        JsonNode secret = one(docs, "Secret");
        assertEquals(secret.path("metadata").path("name").asText(), volume.path("secret").path("secretName").asText());
        Properties secrets = new Properties();
        secrets.load(new StringReader(secret.path("stringData").path(secretsFile.getFileName().toString()).asText()));
        assertEquals(java.util.Set.of("source.password", "destination.password"), secrets.stringPropertyNames(),
                "the Secret holds the file the configurations read, under its name");

        JsonNode metrics = connect.path("spec").path("metricsConfig");
        assertEquals("jmxPrometheusExporter", metrics.path("type").asText());
        assertEquals("jmx-exporter.yml", metrics.path("valueFrom").path("configMapKeyRef").path("key").asText());
        String readme = Files.readString(K8S.resolve("README.md"));
        assertTrue(readme.contains("kubectl create configmap " + metrics.path("valueFrom").path("configMapKeyRef").path("name").asText()
                + " --from-file=jmx-exporter.yml=docs/monitoring/jmx-exporter.yml"), "the README creates the ConfigMap from the rules file");
        assertTrue(Files.isRegularFile(DockerDeploymentFilesTest.ROOT.resolve("docs/monitoring/jmx-exporter.yml")));

        // Strimzi writes each -XX entry as -XX:+Name for "true"; a -XX map replaces Kafka's default (G1) options.
        JsonNode xx = connect.path("spec").path("jvmOptions").path("-XX");
        java.util.Map<String, String> options = new java.util.TreeMap<>();
        xx.fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
        assertEquals(java.util.Map.of(io.mysqlmigrate.stack.ConnectWorker.GARBAGE_COLLECTOR.substring("-XX:+".length()), "true"),
                options, "the worker runs the embedded stack's collector");
    }

    @Test
    void theConnectorResourcesCarryTheValidatedSameAccountSettings() throws IOException {
        List<JsonNode> docs = documents("connectors.yaml");
        String cluster = one(documents("kafka-connect.yaml"), "KafkaConnect").path("metadata").path("name").asText();
        assertEquals(2, docs.size());
        for (JsonNode connector : docs) {
            assertEquals("KafkaConnector", connector.path("kind").asText());
            assertEquals(cluster, connector.path("metadata").path("labels").path("strimzi.io/cluster").asText());
            String name = connector.path("metadata").path("name").asText();
            String role = name.endsWith("-source") ? "source" : "sink";
            ScenarioFiles.Filled file = ScenarioFiles.raw(ScenarioFiles.CONFIG_DIR.resolve("same-account/" + role + ".json"));
            assertEquals(file.name(), name);
            assertEquals(file.config().get("connector.class"), connector.path("spec").path("class").asText());
            assertEquals(1, connector.path("spec").path("tasksMax").asInt());
            Map<String, String> expected = new LinkedHashMap<>(file.config());
            expected.remove("connector.class");
            Map<String, String> actual = new LinkedHashMap<>();
            connector.path("spec").path("config").fields().forEachRemaining(e -> {
                assertTrue(e.getValue().isTextual(), e.getKey() + " is a string, as Connect stores it");
                actual.put(e.getKey(), e.getValue().asText());
            });
            assertEquals(expected, actual, name + " matches config/same-account/" + role + ".json");
        }
        Matcher vars = Pattern.compile("envsubst '([^']+)'").matcher(Files.readString(K8S.resolve("README.md")));
        assertTrue(vars.find(), "the README names the variables envsubst may replace");
        String connectors = Files.readString(K8S.resolve("connectors.yaml"));
        for (Matcher p = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}").matcher(connectors); p.find(); ) {
            assertTrue(vars.group(1).contains("$" + p.group(1) + " ") || vars.group(1).endsWith("$" + p.group(1)),
                    "the README's envsubst fills " + p.group(1));
        }
    }

    private static List<JsonNode> documents(String file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(K8S.resolve(file).toFile())) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    private static JsonNode one(List<JsonNode> docs, String kind) {
        List<JsonNode> found = docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
        assertEquals(1, found.size(), kind);
        return found.get(0);
    }

    private static String projectVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>mysql-migrate-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(DockerDeploymentFilesTest.ROOT.resolve("pom.xml")));
        assertTrue(m.find());
        return m.group(1);
    }
}
