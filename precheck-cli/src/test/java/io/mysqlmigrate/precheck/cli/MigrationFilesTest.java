package io.mysqlmigrate.precheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How every command is told where the two connector configurations are, and what it says when that is wrong. */
class MigrationFilesTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cmd = OperatorCli.commandLine();
        StringWriter err = new StringWriter();
        cmd.setErr(new PrintWriter(err, true)); // picocli's own messages (an --output value it does not know)
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            code = cmd.execute(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err + stderr.toString(StandardCharsets.UTF_8));
    }

    /** A port on this machine where nothing listens. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void eachSideNeedsExactlyOneOfItsFileOrItsName() {
        assertEquals(List.of(), MigrationFiles.problems(Path.of("s.json"), null, Path.of("k.json"), null, null));
        assertEquals(List.of(), MigrationFiles.problems(null, "shop-source", null, "shop-sink", "http://connect:8083"));
        assertEquals(List.of(), MigrationFiles.problems(Path.of("s.json"), null, null, "shop-sink", "http://connect:8083"),
                "one side from a file, the other by name");

        List<String> both = MigrationFiles.problems(Path.of("s.json"), "shop-source", Path.of("k.json"), null, "http://c:8083");
        assertEquals(List.of("--source-config and --source-connector both name the source connector: give one of them"), both);

        List<String> none = MigrationFiles.problems(null, null, Path.of("k.json"), null, null);
        assertEquals(1, none.size(), none.toString());
        assertTrue(none.get(0).contains("the source connector is missing: give --source-config FILE"), none.get(0));
        assertTrue(none.get(0).contains("--source-connector NAME with --connect-url URL"), none.get(0));

        List<String> noUrl = MigrationFiles.problems(null, "shop-source", null, "shop-sink", null);
        assertEquals(List.of("--source-connector reads the connector from a worker: give the worker's REST URL with --connect-url "
                + "(e.g. --connect-url http://localhost:8083)"), noUrl);
    }

    @Test
    void everyCommandReportsAWrongCombinationAsAShortUsageErrorWithExitCode2() {
        for (String command : List.of("precheck", "status", "verify", "cutover")) {
            Run r = run(command, "--source-connector", "shop-source", "--sink-connector", "shop-sink");
            assertEquals(2, r.exitCode(), command + ": " + r);
            assertTrue(r.err().contains("Error: --source-connector reads the connector from a worker: give the worker's REST URL "
                    + "with --connect-url"), command + ": " + r.err());
            assertTrue(r.err().contains("Run 'mysql-migrate " + command + " --help' for the options."), r.err());
            assertTrue(!r.err().contains("Usage:"), "no page of help under the error: " + r.err());
        }
    }

    @Test
    void aWorkerThatDoesNotAnswerIsNamedWithItsUrlAndTheOption() throws Exception {
        String url = "http://127.0.0.1:" + closedPort();
        Run text = run("status", "--connect-url", url, "--source-connector", "shop-source", "--sink-connector", "shop-sink");
        assertEquals(2, text.exitCode(), text.toString());
        assertTrue(text.err().contains("Status cannot be read: Kafka Connect's REST API at " + url + " does not answer (connection "
                + "refused); give the worker's URL with --connect-url"), text.err());

        Run json = run("verify", "--connect-url", url, "--source-connector", "shop-source", "--sink-connector", "shop-sink",
                "--output", "json");
        assertEquals(2, json.exitCode(), json.toString());
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertEquals(2, doc.path("exitCode").asInt(), json.out());
        assertTrue(doc.path("error").asText().contains("Kafka Connect's REST API at " + url + " does not answer"), json.out());
    }

    @Test
    void anUnknownHostIsSaidAsSuch() {
        Run r = run("status", "--connect-url", "http://no-such-host.invalid:8083", "--source-connector", "a", "--sink-connector", "b");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("Kafka Connect's REST API at http://no-such-host.invalid:8083 does not answer (unknown host)"),
                r.err());
    }

    @Test
    void statusAndCutoverTalkToTheDefaultWorkerWithoutConnectUrlAndPrecheckChecksNoWorker() {
        StatusCommand status = new StatusCommand();
        new CommandLine(status).parseArgs("--source-config", "a.json", "--sink-config", "b.json");
        assertEquals("http://localhost:8083", status.files.connectUrlOrDefault());
        PrecheckCli precheck = new PrecheckCli();
        new CommandLine(precheck).parseArgs("--source-config", "a.json", "--sink-config", "b.json");
        assertEquals(null, precheck.files.connectUrl());
        new CommandLine(precheck).parseArgs("--source-config", "a.json", "--sink-config", "b.json", "--connect-url", "http://c:8083");
        assertEquals("http://c:8083", precheck.files.connectUrl());
    }

    @Test
    void anUnknownOutputFormatIsAUsageError() {
        Run r = run("status", "--source-config", "a.json", "--sink-config", "b.json", "--output", "xml");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--output") && r.err().contains("text, json"), r.err());
    }
}
