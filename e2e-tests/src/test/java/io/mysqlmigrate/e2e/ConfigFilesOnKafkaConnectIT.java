package io.mysqlmigrate.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Status;
import io.mysqlmigrate.precheck.checks.DestinationPrivilegesCheck;
import io.mysqlmigrate.precheck.checks.SourcePrivilegesCheck;
import io.mysqlmigrate.precheck.cli.ConnectorFile;
import io.mysqlmigrate.precheck.verify.DatabaseComparator;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.SharedStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The ready configurations in config/ against a real Connect worker: every file validates on the worker's REST
 * validate endpoint, and one scenario migrates for real with the least-privilege accounts of docs/SECURITY.md and
 * its passwords read by Kafka's FileConfigProvider (and EnvVarConfigProvider); what Connect shows of a password is
 * checked, not assumed.
 */
class ConfigFilesOnKafkaConnectIT {

    private static final String SOURCE_CLASS = "io.mysqlmigrate.source.MigrationSourceConnector";
    private static final String SINK_CLASS = "io.mysqlmigrate.sink.MigrationSinkConnector";
    /** Connect checks topic creation settings when it creates a topic, not in the validate answer. */
    /** Set by failsafe (e2e-tests/pom.xml) and so inherited by the worker the shared stack starts. */
    private static final String ENV_PASSWORD_VARIABLE = "MYSQL_MIGRATE_IT_ENV_PASSWORD";
    private static final String TOPIC_CREATION_DEFAULT = "topic.creation.default.";
    private static final Pattern SQL_BLOCK = Pattern.compile("```sql\\n(-- [^\\n]+)\\n(.*?)```", Pattern.DOTALL);

    private final SharedStack stack = SharedStack.get();

    @Test
    void everyScenarioHasASourceAndASinkFileAndEveryFileValidatesOnTheWorker() throws Exception {
        List<Path> dirs = ScenarioFiles.scenarioDirs();
        assertTrue(dirs.size() >= 5, "the seeds' five scenarios: " + dirs);
        List<Path> expected = new ArrayList<>();
        for (Path dir : dirs) {
            expected.add(dir.resolve("sink.json"));
            expected.add(dir.resolve("source.json"));
        }
        assertEquals(expected.stream().sorted().toList(), ScenarioFiles.files(),
                "each scenario directory holds exactly source.json and sink.json");

        Path secrets = secretsFile("validate-only-source", "validate-only-destination");
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int validated = 0;
        for (Path dir : dirs) {
            String prefix = ScenarioFiles.raw(dir.resolve("source.json")).config().get(MigrationSourceConfig.TOPIC_PREFIX);
            Map<String, String> values = placeholderValues("db-" + dir.getFileName() + ".example.com", "shop,crm",
                    prefix + ".shop," + prefix + ".crm", "broker-1.example.com:9092");
            for (String role : List.of("source", "sink")) {
                Path file = dir.resolve(role + ".json");
                ScenarioFiles.Filled raw = ScenarioFiles.raw(file);
                if (!names.add(raw.name())) {
                    problems.add(file + ": connector name " + raw.name() + " is used by another file");
                }
                problems.addAll(secretsOnlyAsReferences(raw));
                String connectorClass = role.equals("source") ? SOURCE_CLASS : SINK_CLASS;
                if (!connectorClass.equals(raw.config().get("connector.class"))) {
                    problems.add(file + ": connector.class is " + raw.config().get("connector.class"));
                    continue;
                }
                ScenarioFiles.Filled filled = ScenarioFiles.fill(file, values, secrets);
                Map<String, String> body = new LinkedHashMap<>(filled.config());
                body.put("name", filled.name());
                JsonNode answer = stack.rest().validate(connectorClass, body);
                validated++;
                for (JsonNode config : answer.path("configs")) {
                    JsonNode value = config.path("value");
                    for (JsonNode error : value.path("errors")) {
                        problems.add(file + ": " + value.path("name").asText() + ": " + error.asText());
                    }
                }
                problems.addAll(noRestatedDefaults(raw, answer));
                if (answer.path("error_count").asInt() != 0 && problems.isEmpty()) {
                    problems.add(file + ": error_count " + answer.path("error_count") + " in " + answer);
                }
                String password = role.equals("source") ? MigrationSourceConfig.SOURCE_PASSWORD : MigrationSinkConfig.DESTINATION_PASSWORD;
                assertEquals("[hidden]", validatedValue(answer, password), file + ": the validate answer masks the password");
            }
        }
        assertEquals(List.of(), problems, "every file in config/ validates on the worker");
        assertEquals(2 * dirs.size(), validated);
    }

    @Test
    void theValidateEndpointReportsAMistakeInAScenarioFile() throws Exception {
        Path file = ScenarioFiles.CONFIG_DIR.resolve("brief-downtime/source.json");
        ScenarioFiles.Filled filled = ScenarioFiles.fill(file, placeholderValues("h", "shop", "x.shop", "b:9092"),
                secretsFile("s", "d"));
        Map<String, String> broken = new LinkedHashMap<>(filled.config());
        broken.put("name", filled.name());
        broken.put(MigrationSourceConfig.MIGRATION_TYPES, "schema,fll");
        JsonNode answer = stack.rest().validate(SOURCE_CLASS, broken);
        assertEquals(1, answer.path("error_count").asInt(), "the check above would see a broken file: " + answer);
    }

    @Test
    void aScenarioMigratesWithTheDocumentedAccountsAndPasswordsFromAFileConfigProvider() throws Exception {
        String db = "cfg_files_shop";
        String sourceUser = "cfg_reader";
        String destinationUser = "cfg_writer";
        String sourcePassword = "src-" + UUID.randomUUID();
        String destinationPassword = "dst-" + UUID.randomUUID();
        stack.source().execute("CREATE DATABASE " + db, "USE " + db,
                "CREATE TABLE orders (id INT PRIMARY KEY, item VARCHAR(40), amount DECIMAL(10,2))",
                "INSERT INTO orders VALUES (1, 'tea', 3.50), (2, 'cake', 4.20)");

        Map<String, String> sqlValues = Map.of("DATABASE", db, "SOURCE_USER", sourceUser, "SOURCE_PASSWORD", sourcePassword,
                "DESTINATION_USER", destinationUser, "DESTINATION_PASSWORD", destinationPassword);
        Map<String, String> blocks = documentedStatements();
        run(stack.source(), blocks.get("-- source account"), sqlValues);
        run(stack.destination(), blocks.get("-- destination account"), sqlValues);

        Path dir = ScenarioFiles.CONFIG_DIR.resolve("same-account");
        String prefix = ScenarioFiles.raw(dir.resolve("source.json")).config().get(MigrationSourceConfig.TOPIC_PREFIX);
        Map<String, String> values = new LinkedHashMap<>(placeholderValues(null, db, prefix + "." + db,
                stack.broker().bootstrapServers()));
        values.putAll(Map.of("SOURCE_HOST", stack.source().host(), "SOURCE_PORT", Integer.toString(stack.source().port()),
                "SOURCE_USER", sourceUser, "DESTINATION_HOST", stack.destination().host(),
                "DESTINATION_PORT", Integer.toString(stack.destination().port()), "DESTINATION_USER", destinationUser));
        Path secrets = secretsFile(sourcePassword, destinationPassword);
        ScenarioFiles.Filled source = ScenarioFiles.fill(dir.resolve("source.json"), values, secrets);
        ScenarioFiles.Filled sink = ScenarioFiles.fill(dir.resolve("sink.json"), values, secrets);

        // The precheck reads the filled files as they are POSTed, resolving the password references as the worker does,
        // and accepts the documented accounts (the destination's views-and-routines privileges are advice).
        Map<String, String> sourceSettings = ConnectorFile.read(written(source)).config();
        Map<String, String> sinkSettings = ConnectorFile.read(written(sink)).config();
        assertEquals(sourcePassword, sourceSettings.get(MigrationSourceConfig.SOURCE_PASSWORD));
        assertEquals(destinationPassword, sinkSettings.get(MigrationSinkConfig.DESTINATION_PASSWORD));
        try (CheckContext ctx = CheckContext.open(source.name(), sourceSettings, sinkSettings)) {
            CheckResult sourceCheck = new SourcePrivilegesCheck().run(ctx);
            assertEquals(Status.PASS, sourceCheck.status(), sourceCheck.found());
            CheckResult destinationCheck = new DestinationPrivilegesCheck().run(ctx);
            assertEquals(Status.WARN, destinationCheck.status(), destinationCheck.found());
            assertEquals("'" + destinationUser + "'@'%': missing CREATE VIEW, CREATE ROUTINE, TRIGGER, EVENT on `" + db + "`.*",
                    destinationCheck.found(), "only the advised privileges are missing");
        }
        run(stack.destination(), blocks.get("-- destination account, for views, routines, triggers and events"), sqlValues);
        try (CheckContext ctx = CheckContext.open(source.name(), sourceSettings, sinkSettings)) {
            CheckResult destinationCheck = new DestinationPrivilegesCheck().run(ctx);
            assertEquals(Status.PASS, destinationCheck.status(), destinationCheck.found());
        }

        try {
            stack.rest().createOrUpdate(sink.name(), sink.config());
            stack.rest().createOrUpdate(source.name(), source.config());
            stack.rest().waitUntilRunning(sink.name(), Duration.ofSeconds(60));
            stack.rest().waitUntilRunning(source.name(), Duration.ofSeconds(60));
            stack.source().execute("INSERT INTO " + db + ".orders VALUES (3, 'scone', 2.80)",
                    "UPDATE " + db + ".orders SET amount = 3.60 WHERE id = 1");
            awaitIdentical(db, 3, List.of(source.name(), sink.name()), Duration.ofSeconds(120));

            // GET /connectors/<name>/config returns what was submitted: the reference, never the secret.
            Map<String, String> shown = stack.rest().config(source.name());
            assertEquals(source.config().get(MigrationSourceConfig.SOURCE_PASSWORD), shown.get(MigrationSourceConfig.SOURCE_PASSWORD));
            assertTrue(shown.get(MigrationSourceConfig.SOURCE_PASSWORD).startsWith("${file:"), shown.toString());
            assertFalse(stack.rest().get("/connectors/" + source.name()).toString().contains(sourcePassword));
            assertFalse(stack.rest().get("/connectors/" + sink.name()).toString().contains(destinationPassword));
            // The connectors copy their settings into their tasks' configurations; Connect stores and shows those with
            // the references put back, not the values the provider resolved.
            String sourceTasks = stack.rest().get("/connectors/" + source.name() + "/tasks").toString();
            assertTrue(sourceTasks.contains(MigrationSourceConfig.SOURCE_PASSWORD), sourceTasks);
            assertFalse(sourceTasks.contains(sourcePassword), "task configurations hold the reference: " + sourceTasks);
            assertFalse(stack.rest().get("/connectors/" + sink.name() + "/tasks").toString().contains(destinationPassword));

            // A literal password, by contrast, is shown in clear text to anyone who may read the REST API.
            Map<String, String> literal = withPassword(sink.config(), MigrationSinkConfig.DESTINATION_PASSWORD, destinationPassword);
            stack.rest().createOrUpdate(sink.name(), literal);
            assertEquals(destinationPassword, stack.rest().config(sink.name()).get(MigrationSinkConfig.DESTINATION_PASSWORD),
                    "Connect does not mask PASSWORD settings in GET /connectors/<name>/config (docs/SECURITY.md says so)");
            stack.rest().waitUntilRunning(sink.name(), Duration.ofSeconds(60));

            // EnvVarConfigProvider: the destination password from the worker's environment (set by failsafe).
            String envPassword = System.getenv(ENV_PASSWORD_VARIABLE);
            assertNotNull(envPassword, ENV_PASSWORD_VARIABLE + " is set for the integration tests (e2e-tests/pom.xml)");
            // Stopped first, so no task that logged in with the old password can apply what follows.
            stack.rest().stop(sink.name());
            awaitStopped(sink.name());
            stack.destination().execute("ALTER USER '" + destinationUser + "'@'%' IDENTIFIED BY '" + envPassword + "'");
            stack.rest().createOrUpdate(sink.name(), withPassword(sink.config(), MigrationSinkConfig.DESTINATION_PASSWORD,
                    "${env:" + ENV_PASSWORD_VARIABLE + "}"));
            stack.rest().resume(sink.name());
            stack.rest().waitUntilRunning(sink.name(), Duration.ofSeconds(60));
            stack.source().execute("INSERT INTO " + db + ".orders VALUES (4, 'bun', 1.90)");
            awaitIdentical(db, 4, List.of(source.name(), sink.name()), Duration.ofSeconds(120));

            String log = Files.readString(stack.worker().logFile());
            assertTrue(log.contains(source.name()), "the worker log is the one these connectors ran in");
            assertFalse(log.contains(sourcePassword), "the source password resolved from the file is never logged");
            assertFalse(log.contains(destinationPassword), "the destination password is never logged, not even when literal");
            assertFalse(log.contains(envPassword), "nor the one read from the environment");
        } finally {
            stack.rest().delete(source.name());
            stack.rest().delete(sink.name());
        }
    }

    private void awaitStopped(String connector) {
        await(connector + " stopped with no task left").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> stack.rest().status(connector),
                        status -> assertTrue("STOPPED".equals(status.state()) && status.tasks().isEmpty(), connector + " did not stop: " + status));
    }

    /** The documented statements, by the comment on their first line. */
    private static Map<String, String> documentedStatements() throws IOException {
        String doc = Files.readString(ScenarioFiles.DOCS_DIR.resolve("SECURITY.md"));
        Map<String, String> blocks = new LinkedHashMap<>();
        Matcher m = SQL_BLOCK.matcher(doc);
        while (m.find()) {
            blocks.put(m.group(1), m.group(2));
        }
        assertEquals(Set.of("-- source account", "-- destination account",
                "-- destination account, for views, routines, triggers and events", "-- source account, for routines on MariaDB",
                "-- source account, for routines on MySQL"), blocks.keySet(), "docs/SECURITY.md's SQL");
        return blocks;
    }

    /** Runs the statements with their placeholders filled, as the server's administrator. */
    private static void run(MariaDbServer server, String statements, Map<String, String> values) {
        String sql = statements;
        for (Map.Entry<String, String> e : values.entrySet()) {
            sql = sql.replace("${" + e.getKey() + "}", e.getValue());
        }
        assertFalse(ScenarioFiles.hasPlaceholder(sql), "every placeholder filled: " + sql);
        List<String> list = new ArrayList<>();
        for (String statement : sql.split(";\\s*\\n")) {
            if (!statement.isBlank()) {
                list.add(statement.trim().replaceAll(";$", ""));
            }
        }
        assertFalse(list.isEmpty());
        server.execute(list.toArray(String[]::new));
    }

    private void awaitIdentical(String db, int rows, List<String> connectors, Duration timeout) throws Exception {
        await(db + " identical on source and destination").atMost(timeout).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(500))
                .failFast("a connector has a failed task", Migration.afterFirstLook(() -> {
                    for (String connector : connectors) {
                        var status = stack.rest().status(connector);
                        if (!status.failedTasks().isEmpty()) {
                            fail(connector + " has a failed task: " + status.failedTasks().get(0).trace());
                        }
                    }
                }))
                .until(() -> {
                    try (Connection s = stack.source().connect(); Connection d = stack.destination().connect()) {
                        return DatabaseComparator.compare(s, d, List.of(db));
                    }
                }, DatabaseComparator::allMatch);
        try (Connection d = stack.destination().connect();
                var rs = d.createStatement().executeQuery("SELECT COUNT(*) FROM " + db + ".orders")) {
            rs.next();
            assertEquals(rows, rs.getInt(1));
        }
    }

    private static Map<String, String> placeholderValues(String host, String databases, String topics, String bootstrap) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("SOURCE_HOST", host == null ? "unset" : "source-" + host);
        values.put("SOURCE_PORT", "3306");
        values.put("SOURCE_USER", "migrate_reader");
        values.put("DESTINATION_HOST", host == null ? "unset" : "destination-" + host);
        values.put("DESTINATION_PORT", "3306");
        values.put("DESTINATION_USER", "migrate_writer");
        values.put("DATABASES", databases);
        values.put("TOPICS", topics);
        values.put("BOOTSTRAP_SERVERS", bootstrap);
        return values;
    }

    /** The filled configuration as a file to POST, under target/. */
    private static Path written(ScenarioFiles.Filled filled) throws IOException {
        Path file = Path.of("target", "config-files-it", filled.name() + ".json").toAbsolutePath();
        Files.writeString(file, new ObjectMapper().writeValueAsString(Map.of("name", filled.name(), "config", filled.config())));
        return file;
    }

    /**
     * A secrets file as the worker would read it, under target/, with the CA certificates the cross-cloud files name
     * beside it (made with openssl: the connectors' validation reads them).
     */
    private static Path secretsFile(String sourcePassword, String destinationPassword) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "config-files-it").toAbsolutePath());
        Path file = Files.createTempFile(dir, "secrets-", ".properties");
        Files.writeString(file, "source.password=" + sourcePassword + "\ndestination.password=" + destinationPassword + "\n");
        if (!Files.exists(dir.resolve("source-ca.pem"))) {
            Path certs = Files.createDirectories(dir.resolve("certs"));
            Path ca = TlsOnMariaDbKafkaConnectIT.Certificates.make(certs).ca();
            Files.copy(ca, dir.resolve("source-ca.pem"));
            Files.copy(ca, dir.resolve("destination-ca.pem"));
        }
        return file;
    }

    private static Map<String, String> withPassword(Map<String, String> config, String key, String password) {
        Map<String, String> copy = new LinkedHashMap<>(config);
        copy.put(key, password);
        return copy;
    }

    private static String validatedValue(JsonNode answer, String name) {
        for (JsonNode config : answer.path("configs")) {
            if (name.equals(config.path("value").path("name").asText())) {
                return config.path("value").path("value").asText();
            }
        }
        return null;
    }

    /** Passwords are only ever config provider references: a file never carries a secret. */
    private static List<String> secretsOnlyAsReferences(ScenarioFiles.Filled raw) {
        List<String> problems = new ArrayList<>();
        raw.config().forEach((key, value) -> {
            if (key.endsWith("password") && (ScenarioFiles.providerReferences(value).size() != 1
                    || !ScenarioFiles.providerReferences(value).get(0).equals(value))) {
                problems.add(raw.file() + ": " + key + " must be a config provider reference, not " + value);
            }
        });
        return problems;
    }

    /**
     * A file states a setting only where it departs from its default: the worker's answer carries the default of every
     * setting it knows (the connector's ConfigDef, Connect's own, the client overrides), so none is restated by hand.
     */
    private static List<String> noRestatedDefaults(ScenarioFiles.Filled raw, JsonNode answer) {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> definitions = new LinkedHashMap<>();
        for (JsonNode config : answer.path("configs")) {
            definitions.put(config.path("definition").path("name").asText(), config.path("definition"));
        }
        raw.config().forEach((key, value) -> {
            JsonNode definition = definitions.get(key);
            if (definition == null && !key.startsWith(TOPIC_CREATION_DEFAULT)) {
                problems.add(raw.file() + ": " + key + " is no setting the worker knows for this connector");
            } else if (definition != null && !definition.path("default_value").isNull() && definition.path("default_value").asText().equals(value)) {
                problems.add(raw.file() + ": " + key + "=" + value + " restates the default");
            }
        });
        assertNotEquals(0, definitions.size(), "the answer lists the settings");
        return problems;
    }
}
