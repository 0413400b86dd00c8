package io.mysqlmigrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Precheck;
import io.mysqlmigrate.precheck.check.Status;
import io.mysqlmigrate.precheck.checks.ConnectPluginsCheck;
import io.mysqlmigrate.precheck.cli.PrecheckCli;
import io.mysqlmigrate.stack.ConnectWorker;
import io.mysqlmigrate.stack.SharedStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The precheck's Kafka side against the real broker and Connect worker with both plugin archives installed: the worker
 * and its plugins pass and an address where no worker listens fails; the embedded configuration files validate through
 * the worker, and settings only Connect knows (errors.tolerance, a converter class) fail naming each setting; a database
 * topic kept one day, or limited by size and compacted, warns until the kafka-configs change its fix names is applied.
 * A second worker with only the source plugin on its plugin.path fails the plugin check naming the sink's class. The
 * CLI runs all of it with --connect-url.
 */
class PrecheckKafkaOnMariaDbKafkaConnectIT {

    private final SharedStack stack = SharedStack.get();

    @Test
    void theWorkerItsPluginsTheConfigurationsAndTopicRetentionAreChecked() throws Exception {
        String db = "pk_shop";
        stack.source().execute("CREATE DATABASE IF NOT EXISTS " + db, "CREATE TABLE IF NOT EXISTS " + db + ".t (id INT PRIMARY KEY)");
        String url = stack.worker().restUrl();
        try (Migration m = new Migration(stack, "pk" + System.nanoTime() % 100_000, List.of(db))) {
            Map<String, String> source = m.source.config();
            Map<String, String> sink = m.sink.config();

            Map<String, CheckResult> good = run(m, source, sink, Precheck.kafka(url));
            CheckResult plugins = good.get("connect.plugins");
            assertEquals(Status.PASS, plugins.status(), plugins.found());
            assertTrue(plugins.found().matches("Kafka Connect \\S+ at " + Pattern.quote(url) + ": both plugins installed, version \\S+"),
                    plugins.found());
            for (String id : List.of("connect.source.config", "connect.sink.config")) {
                assertEquals(Status.PASS, good.get(id).status(), good.get(id).found());
                assertTrue(good.get(id).found().contains("passwords not sent"), good.get(id).found());
            }
            CheckResult notYet = good.get("kafka.topics.retention");
            assertEquals(Status.PASS, notYet.status(), notYet.found());
            assertTrue(notYet.found().startsWith("not created yet: " + m.name + "." + db + " (broker default retention "), notYet.found());

            CheckResult nobody = run(m, source, sink, List.of(new ConnectPluginsCheck("http://127.0.0.1:1"))).get("connect.plugins");
            assertEquals(Status.FAIL, nobody.status());
            assertTrue(nobody.found().equals("the Connect worker at http://127.0.0.1:1 cannot be reached: connection refused"), nobody.found());

            Map<String, String> badSource = new LinkedHashMap<>(source);
            badSource.put("key.converter", "com.example.NoSuchConverter");
            Map<String, String> badSink = new LinkedHashMap<>(sink);
            badSink.put("errors.tolerance", "sometimes");
            Map<String, CheckResult> bad = run(m, badSource, badSink, Precheck.kafka(url));
            assertEquals(Status.FAIL, bad.get("connect.source.config").status());
            assertTrue(bad.get("connect.source.config").found().matches("1 setting\\(s\\) refused by the worker: key\\.converter: .*"),
                    bad.get("connect.source.config").found());
            assertEquals(Status.FAIL, bad.get("connect.sink.config").status());
            assertTrue(bad.get("connect.sink.config").found().matches("1 setting\\(s\\) refused by the worker: errors\\.tolerance: .*"),
                    bad.get("connect.sink.config").found());

            String topic = m.name + "." + db;
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers());
            try (Admin admin = Admin.create(props)) {
                admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())
                        .configs(Map.of("retention.ms", "86400000")))).all().get(30, TimeUnit.SECONDS);
                CheckResult oneDay = run(m, source, sink, Precheck.kafka(url)).get("kafka.topics.retention");
                assertEquals(Status.WARN, oneDay.status(), oneDay.found());
                assertEquals("records may be deleted before they are replayed: " + topic + " (retention.ms=86400000, 24 h)",
                        oneDay.found());
                Matcher change = Pattern.compile("--entity-name " + Pattern.quote(topic) + " --add-config retention\\.ms=(\\d+)")
                        .matcher(oneDay.fix());
                assertTrue(change.find(), oneDay.fix());
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(new ConfigEntry("retention.ms", change.group(1)),
                        AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);
                CheckResult sevenDays = run(m, source, sink, Precheck.kafka(url)).get("kafka.topics.retention");
                assertEquals(Status.PASS, sevenDays.status(), sevenDays.found());
                assertEquals("long enough: " + topic, sevenDays.found());

                admin.incrementalAlterConfigs(Map.of(resource, List.of(
                        new AlterConfigOp(new ConfigEntry("retention.bytes", "1048576"), AlterConfigOp.OpType.SET),
                        new AlterConfigOp(new ConfigEntry("cleanup.policy", "compact"), AlterConfigOp.OpType.SET))))
                        .all().get(30, TimeUnit.SECONDS);
                CheckResult sizeAndCompaction = run(m, source, sink, Precheck.kafka(url)).get("kafka.topics.retention");
                assertEquals(Status.WARN, sizeAndCompaction.status(), sizeAndCompaction.found());
                assertEquals("records may be deleted before they are replayed: " + topic
                        + " (retention.bytes=1048576, cleanup.policy=compact)", sizeAndCompaction.found());
                assertTrue(sizeAndCompaction.fix().startsWith("kafka-configs.sh --bootstrap-server " + stack.broker().bootstrapServers()
                        + " --alter --entity-type topics --entity-name " + topic + " --add-config cleanup.policy=delete "
                        + "--delete-config retention.bytes"), sizeAndCompaction.fix());
                admin.incrementalAlterConfigs(Map.of(resource, List.of(
                        new AlterConfigOp(new ConfigEntry("cleanup.policy", "delete"), AlterConfigOp.OpType.SET),
                        new AlterConfigOp(new ConfigEntry("retention.bytes", ""), AlterConfigOp.OpType.DELETE))))
                        .all().get(30, TimeUnit.SECONDS);
                CheckResult restored = run(m, source, sink, Precheck.kafka(url)).get("kafka.topics.retention");
                assertEquals(Status.PASS, restored.status(), restored.found());
            }

            Path onlySource = Files.createDirectories(Path.of("target", "precheck-one-plugin-" + System.nanoTime()).toAbsolutePath());
            Path pluginPath = Path.of(System.getProperty(SharedStack.PLUGIN_PATH_PROPERTY)).toAbsolutePath();
            try (var dirs = Files.list(pluginPath)) {
                for (Path plugin : dirs.filter(d -> d.getFileName().toString().contains("source-connector")).toList()) {
                    Files.createSymbolicLink(onlySource.resolve(plugin.getFileName()), plugin);
                }
            }
            try (ConnectWorker oneWorker = ConnectWorker.start(new ConnectWorker.Options().baseDir(onlySource.resolve("worker"))
                    .bootstrapServers(stack.broker().bootstrapServers()).pluginPath(onlySource).groupId("precheck-one-plugin")
                    .heapMb(384))) {
                CheckResult missing = run(m, source, sink, List.of(new ConnectPluginsCheck(oneWorker.restUrl()))).get("connect.plugins");
                assertEquals(Status.FAIL, missing.status(), missing.found());
                assertTrue(missing.found().endsWith(" has no io.mysqlmigrate.sink.MigrationSinkConnector"), missing.found());
            }

            Path dir = Files.createDirectories(Path.of("target", "precheck-kafka").toAbsolutePath());
            Path sourceFile = dir.resolve("source.json");
            Path sinkFile = dir.resolve("sink.json");
            ObjectMapper json = new ObjectMapper();
            json.writeValue(sourceFile.toFile(), Map.of("name", m.source.name(), "config", source));
            json.writeValue(sinkFile.toFile(), Map.of("name", m.sink.name(), "config", sink));
            assertEquals(0, cli(sourceFile, sinkFile, "--connect-url", url), "every check passes, the Kafka side included");
            assertEquals(1, cli(sourceFile, sinkFile, "--connect-url", "http://127.0.0.1:1"), "no worker there: connect.plugins fails");
        }
    }

    private static Map<String, CheckResult> run(Migration m, Map<String, String> source, Map<String, String> sink, List<Check> checks)
            throws Exception {
        try (CheckContext ctx = CheckContext.open(m.source.name(), source, sink)) {
            Map<String, CheckResult> byId = new LinkedHashMap<>();
            Precheck.run(ctx, checks).forEach(r -> byId.put(r.id(), r));
            return byId;
        }
    }

    private static int cli(Path source, Path sink, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--source-config", source.toString(), "--sink-config", sink.toString()));
        args.addAll(List.of(extra));
        return new CommandLine(new PrecheckCli()).execute(args.toArray(String[]::new));
    }
}
