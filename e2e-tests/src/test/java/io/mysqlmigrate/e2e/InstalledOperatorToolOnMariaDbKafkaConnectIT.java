package io.mysqlmigrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mysqlmigrate.stack.SharedStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's tool as an operator installs it: the distribution {@code mvn package} makes
 * (precheck-cli/target/mysql-migrate-<version>.tar.gz) unpacked in a temporary directory, and its
 * {@code bin/mysql-migrate} run as a process with the two connectors named, not given as files: precheck, status and
 * verify read the configurations from the real Connect worker's REST API, the sink's password a {@code ${file:...}}
 * reference the worker resolves with its config provider and the command resolves from the same secrets file.
 */
class InstalledOperatorToolOnMariaDbKafkaConnectIT {

    private final SharedStack stack = SharedStack.get();
    private final ObjectMapper json = new ObjectMapper();

    private record Run(int exitCode, String out, String err) {
    }

    private static Path home;

    @BeforeAll
    static void install() throws Exception {
        Path archive = Path.of(System.getProperty("mysqlmigrate.cli.archive", "../precheck-cli/target/mysql-migrate.tar.gz"));
        assertTrue(Files.isRegularFile(archive), "precheck-cli's package phase made " + archive);
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "installed-tool-");
        Process tar = new ProcessBuilder("tar", "xzf", archive.toAbsolutePath().toString()).directory(dir.toFile())
                .redirectErrorStream(true).start();
        String tarOut = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, tar.waitFor(), tarOut);
        try (Stream<Path> top = Files.list(dir)) {
            home = top.findFirst().orElseThrow();
        }
    }

    /** {@code bin/mysql-migrate args...} run from the installed directory, as a separate process. */
    private static Run cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin").resolve("mysql-migrate").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(home, "out-", ".txt");
        Path err = Files.createTempFile(home, "err-", ".txt");
        Process p = new ProcessBuilder(command).directory(home.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "finished: " + command);
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void precheckStatusAndVerifyOfTheInstalledToolReadBothConnectorsFromTheWorkerByName() throws Exception {
        String db = "by_name";
        stack.source().execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO " + db + ".t SELECT seq, CONCAT('v', seq) FROM " + db + ".seq_1_to_300");
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "by-name");
        Path secrets = dir.resolve("secrets.properties");
        try (Migration migration = new Migration(stack, "m-by-name", List.of(db))) {
            Files.writeString(secrets, "destination.password=" + migration.destinationServer.password() + "\n");
            // the worker holds a reference, not the password: GET /connectors/<name>/config returns it unresolved
            migration.start(Map.of(), Map.of("destination.password", "${file:" + secrets + ":destination.password}"));
            migration.awaitIdentical(Duration.ofSeconds(120));
            String url = stack.rest().restUrl();
            assertEquals("${file:" + secrets + ":destination.password}",
                    stack.rest().config(migration.sink.name()).get("destination.password"), "the worker returns the reference");

            List<String> byName = List.of("--connect-url", url, "--source-connector", migration.source.name(),
                    "--sink-connector", migration.sink.name(), "--output", "json");

            Run precheck = cli(concat(List.of("precheck"), byName));
            JsonNode p = json.readTree(precheck.out());
            assertEquals(precheck.exitCode(), p.path("exitCode").asInt(), precheck.toString());
            assertTrue(p.path("checks").size() > 10, "the checks ran against both servers and the worker: " + precheck);
            List<String> ids = new ArrayList<>();
            p.path("checks").forEach(c -> ids.add(c.path("id").asText()));
            for (String id : List.of("source.binlog.format", "destination.privileges")) {
                JsonNode check = null;
                for (JsonNode c : p.path("checks")) {
                    if (c.path("id").asText().equals(id)) {
                        check = c;
                    }
                }
                assertTrue(check != null, id + " among " + ids);
                assertEquals("PASS", check.path("status").asText(), "read with the resolved password: " + check);
            }

            Run status = cli(concat(List.of("status"), byName));
            assertEquals(0, status.exitCode(), status.toString());
            JsonNode s = json.readTree(status.out());
            assertEquals(0, s.path("exitCode").asInt(), status.out());
            assertEquals(migration.source.name(), s.path("connectors").get(0).path("name").asText(), status.out());
            assertEquals("RUNNING", s.path("connectors").get(0).path("state").asText(), status.out());
            assertEquals(migration.sink.name(), s.path("connectors").get(1).path("name").asText(), status.out());
            assertEquals("RUNNING", s.path("connectors").get(1).path("state").asText(), status.out());
            assertTrue(s.path("partitions").size() > 0, "the sink's progress, read with the resolved password: " + status.out());

            Run verify = cli(concat(List.of("verify"), byName));
            assertEquals(0, verify.exitCode(), verify.toString());
            JsonNode v = json.readTree(verify.out());
            assertEquals(0, v.path("exitCode").asInt(), verify.out());
            assertEquals(1, v.path("tables").size(), verify.out());
            assertEquals(db + ".t", v.path("tables").get(0).path("source").asText(), verify.out());
            assertEquals("IDENTICAL", v.path("tables").get(0).path("outcome").asText(), verify.out());
            assertEquals(300, v.path("tables").get(0).path("sourceRows").asLong(), verify.out());

            Run unknown = cli("status", "--connect-url", url, "--source-connector", migration.source.name(),
                    "--sink-connector", "no-such-sink");
            assertEquals(2, unknown.exitCode(), unknown.toString());
            assertTrue(unknown.err().contains("no connector named 'no-such-sink' on the worker at " + url + " (registered there: "),
                    unknown.err());
            assertTrue(unknown.err().contains(migration.sink.name()), "names what is registered: " + unknown.err());

            Files.writeString(secrets, "other.key=x\n");
            Run unreadable = cli(concat(List.of("verify"), byName));
            assertEquals(2, unreadable.exitCode(), unreadable.toString());
            assertTrue(unreadable.err().contains("'destination.password' references ${file:" + secrets + ":destination.password}"),
                    unreadable.err());
            assertTrue(unreadable.err().contains("or run it in a terminal to be asked for the password"), unreadable.err());
            assertEquals(2, json.readTree(unreadable.out()).path("exitCode").asInt(), unreadable.out());
        }
    }

    private static String[] concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all.toArray(String[]::new);
    }
}
