package io.mysqlmigrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker/, which no Docker engine here can run: the compose file, the image and the worker settings checked against
 * each other and against the repository (Kafka version, plugin archives, secrets path, documented grants).
 */
class DockerDeploymentFilesTest {

    static final Path ROOT = ScenarioFiles.DOCS_DIR.getParent();
    private static final Path DOCKER = ROOT.resolve("docker");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void composeHasMySql84SourceWithRowFullGtidBinlogADestinationAKraftBrokerAndTheWorker() throws IOException {
        JsonNode services = compose().path("services");
        Set<String> names = new TreeSet<>();
        services.fieldNames().forEachRemaining(names::add);
        assertEquals(Set.of("connect", "kafka", "mysql-destination", "mysql-source"), names);

        JsonNode source = services.path("mysql-source");
        assertEquals("mysql:8.4", source.path("image").asText());
        List<String> sourceArgs = texts(source.path("command"));
        for (String arg : List.of("--log-bin=mysql-bin", "--binlog-format=ROW", "--binlog-row-image=FULL", "--gtid-mode=ON",
                "--enforce-gtid-consistency=ON")) {
            assertTrue(sourceArgs.contains(arg), "source runs with " + arg + ": " + sourceArgs);
        }
        JsonNode destination = services.path("mysql-destination");
        assertEquals("mysql:8.4", destination.path("image").asText());
        assertTrue(!serverId(sourceArgs).equals(serverId(texts(destination.path("command")))), "distinct server ids");

        JsonNode kafka = services.path("kafka").path("environment");
        assertEquals("apache/kafka:" + kafkaVersion(), services.path("kafka").path("image").asText());
        assertEquals("broker,controller", kafka.path("KAFKA_PROCESS_ROLES").asText(), "KRaft, no ZooKeeper");
        assertEquals("PLAINTEXT://" + workerProperties().getProperty("bootstrap.servers"),
                kafka.path("KAFKA_ADVERTISED_LISTENERS").asText(), "the worker's bootstrap.servers is the broker's listener");
        assertEquals(workerProperties().getProperty("producer.max.request.size"), kafka.path("KAFKA_MESSAGE_MAX_BYTES").asText(),
                "the broker takes the largest record the worker's producers send");
    }

    @Test
    void theWorkerServiceBuildsTheImageAndMountsTheSecretsTheConfigurationsName() throws IOException {
        JsonNode connect = compose().path("services").path("connect");
        Path context = DOCKER.resolve(connect.path("build").path("context").asText()).normalize();
        assertEquals(ROOT.normalize(), context, "the image builds from the repository root");
        assertTrue(Files.isRegularFile(context.resolve(connect.path("build").path("dockerfile").asText())));

        Properties worker = workerProperties();
        String restPort = worker.getProperty("listeners").replaceAll(".*:", "");
        List<String> ports = texts(connect.path("ports"));
        assertTrue(ports.contains(restPort + ":" + restPort), "REST port published: " + ports);
        Matcher agent = Pattern.compile("-javaagent:(\\S+)=(\\d+):(\\S+)").matcher(connect.path("environment").path("KAFKA_OPTS").asText());
        assertTrue(agent.find(), "the JMX exporter agent is on");
        assertTrue(ports.contains(agent.group(2) + ":" + agent.group(2)), "metrics port published: " + ports);
        List<String> collectors = Pattern.compile("-XX:\\+Use\\w+GC").matcher(connect.path("environment")
                .path("KAFKA_JVM_PERFORMANCE_OPTS").asText()).results().map(m -> m.group()).toList();
        assertEquals(List.of(io.mysqlmigrate.stack.ConnectWorker.GARBAGE_COLLECTOR), collectors,
                "the worker runs the embedded stack's collector, and only that one");

        List<String> volumes = texts(connect.path("volumes"));
        assertEquals(1, volumes.size(), volumes.toString());
        String[] mount = volumes.get(0).split(":");
        assertEquals(ScenarioFiles.DOCUMENTED_SECRETS_FILE, mount[1], "the secrets file where config/ expects it");
        Properties secrets = new Properties();
        secrets.load(new StringReader(Files.readString(DOCKER.resolve(mount[0] + ".example"))));
        assertEquals(Set.of("source.password", "destination.password"), secrets.stringPropertyNames());

        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        assertTrue(dockerfile.contains("\nFROM apache/kafka:" + kafkaVersion() + "\n"), "the Kafka the connectors are built on");
        assertTrue(dockerfile.contains("source-connector/target/source-connector-*-plugin.zip"));
        assertTrue(dockerfile.contains("sink-connector/target/sink-connector-*-plugin.zip"));
        assertTrue(dockerfile.contains("unzip -q \"$archive\" -d " + worker.getProperty("plugin.path") + ";"),
                "archives unpacked on plugin.path");
        assertTrue(dockerfile.contains("COPY docs/monitoring/jmx-exporter.yml " + agent.group(3) + "\n"));
        assertTrue(dockerfile.contains(agent.group(1)), "the agent jar is where KAFKA_OPTS looks");
        assertTrue(dockerfile.contains("COPY docker/connect-distributed.properties /opt/mysql-migrate/connect-distributed.properties"));
        assertTrue(dockerfile.contains("CMD [\"/opt/mysql-migrate/connect-distributed.properties\"]"));
        for (Matcher copy = Pattern.compile("(?m)^COPY (?!--)(\\S+) ").matcher(dockerfile); copy.find(); ) {
            if (!copy.group(1).contains("*")) {
                assertTrue(Files.exists(ROOT.resolve(copy.group(1))), copy.group(1));
            }
        }
        assertEquals("file,env", worker.getProperty("config.providers"));
        assertEquals("org.apache.kafka.common.config.provider.FileConfigProvider", worker.getProperty("config.providers.file.class"));
        assertEquals(Path.of(ScenarioFiles.DOCUMENTED_SECRETS_FILE).getParent().toString(),
                worker.getProperty("config.providers.file.param.allowed.paths"), "the file provider reads the secrets' directory only");
    }

    @Test
    void composeVariablesAreAllInTheEnvExampleAndTheInitScriptsGrantWhatDocsSecuritySays() throws IOException {
        String composeText = Files.readString(DOCKER.resolve("docker-compose.yml"));
        Set<String> used = new TreeSet<>();
        for (Matcher m = Pattern.compile("\\$\\{([A-Z_]+)[:}]").matcher(composeText); m.find(); ) {
            used.add(m.group(1));
        }
        Properties env = new Properties();
        env.load(new StringReader(Files.readString(DOCKER.resolve(".env.example"))));
        assertEquals(used, new TreeSet<>(env.stringPropertyNames()), "docker/.env.example defines what compose reads");

        List<String> documented = new ArrayList<>();
        for (Matcher m = Pattern.compile("(?m)^GRANT .*;$").matcher(Files.readString(ROOT.resolve("docs/SECURITY.md"))); m.find(); ) {
            documented.add(m.group());
        }
        assertEquals(7, documented.size(), documented.toString());
        JsonNode services = compose().path("services");
        String scripts = "";
        for (String service : List.of("mysql-source", "mysql-destination")) {
            for (String volume : texts(services.path(service).path("volumes"))) {
                Path script = DOCKER.resolve(volume.split(":")[0]);
                assertTrue(Files.isExecutable(script), script + " exists and runs");
                assertTrue(volume.split(":")[1].startsWith("/docker-entrypoint-initdb.d/"), volume);
                scripts += Files.readString(script);
            }
        }
        for (String grant : documented) {
            if (grant.contains("`mysql`.`proc`")) {
                continue; // MariaDB's routine privilege; the compose file runs MySQL, whose SHOW_ROUTINE the script grants
            }
            if (grant.contains("CREATE VIEW")) {
                continue; // advice for whoever recreates views; the sink never needs it
            }
            String asInScript = grant.replace("${DATABASE}", "shop").replace("`", "\\`");
            assertTrue(scripts.contains(asInScript), "the init scripts grant " + asInScript);
        }
    }

    private static JsonNode compose() throws IOException {
        return YAML.readTree(DOCKER.resolve("docker-compose.yml").toFile());
    }

    private static Properties workerProperties() throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(DOCKER.resolve("connect-distributed.properties"))));
        return p;
    }

    static String kafkaVersion() throws IOException {
        Matcher m = Pattern.compile("<version.kafka>([^<]+)</version.kafka>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertTrue(m.find());
        return m.group(1);
    }

    private static String serverId(List<String> args) {
        return args.stream().filter(a -> a.startsWith("--server-id=")).findFirst().orElseThrow();
    }

    static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
