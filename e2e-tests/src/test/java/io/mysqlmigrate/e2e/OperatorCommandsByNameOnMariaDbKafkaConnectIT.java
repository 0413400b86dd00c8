package io.mysqlmigrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mysqlmigrate.precheck.cli.OperatorCli;
import io.mysqlmigrate.stack.SharedStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * status and verify with the two connectors named, not given as files: their configurations read from the real
 * Connect worker's REST API, the sink's password a {@code ${file:...}} reference the worker resolves with its config
 * provider and the command resolves from the same secrets file.
 */
class OperatorCommandsByNameOnMariaDbKafkaConnectIT {

    private final SharedStack stack = SharedStack.get();
    private final ObjectMapper json = new ObjectMapper();

    private record Run(int exitCode, String out, String err) {
    }

    private static Run cli(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            code = OperatorCli.commandLine().execute(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void statusAndVerifyReadBothConnectorsFromTheWorkerByName() throws Exception {
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
