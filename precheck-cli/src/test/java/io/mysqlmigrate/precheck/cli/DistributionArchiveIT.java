package io.mysqlmigrate.precheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The archive {@code mvn package} makes (target/mysql-migrate-<version>.tar.gz), unpacked in a temporary directory
 * the way an operator installs it, and its {@code bin/mysql-migrate} run as a process. It starts no server.
 */
class DistributionArchiveIT {

    private static Path home;

    private record Result(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void unpack() throws Exception {
        Path archive = Path.of(System.getProperty("mysqlmigrate.cli.archive", "target/mysql-migrate.tar.gz"));
        assertTrue(Files.isRegularFile(archive), "the package phase made " + archive);
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "distribution-");
        Result tar = run(dir, List.of("tar", "xzf", archive.toAbsolutePath().toString()));
        assertEquals(0, tar.exitCode(), tar.err());
        try (Stream<Path> top = Files.list(dir)) {
            List<Path> entries = top.toList();
            assertEquals(1, entries.size(), "one top directory: " + entries);
            home = entries.get(0);
        }
        assertTrue(home.getFileName().toString().startsWith("mysql-migrate-"), home.toString());
    }

    private static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        Path out = Files.createTempFile(dir.getParent() == null ? dir : dir.getParent(), "out-", ".txt");
        Path err = Files.createTempFile(dir.getParent() == null ? dir : dir.getParent(), "err-", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished: " + command);
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Result tool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin").resolve("mysql-migrate").toString()));
        command.addAll(List.of(args));
        return run(home, command);
    }

    @Test
    void theArchiveHoldsTheScriptItsLibrariesAndItsDocs() throws IOException {
        Path script = home.resolve("bin").resolve("mysql-migrate");
        assertTrue(Files.isExecutable(script), script + " is executable");
        try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
            List<String> names = jars.map(p -> p.getFileName().toString()).toList();
            for (String prefix : List.of("precheck-cli-", "source-connector-", "sink-connector-", "picocli-", "kafka-clients-",
                    "mysql-connector-j-", "log4j-core-")) {
                assertTrue(names.stream().anyMatch(n -> n.startsWith(prefix) && n.endsWith(".jar")), prefix + " in lib/: " + names);
            }
        }
        assertTrue(Files.isRegularFile(home.resolve("config").resolve("log4j2.xml")));
        assertTrue(Files.readString(home.resolve("doc").resolve("CLI.md")).contains("--source-connector"));
    }

    @Test
    void theScriptRunsHelpAndVersion() throws Exception {
        Result help = tool("--help");
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().startsWith("Usage: mysql-migrate"), help.out());
        for (String command : List.of("precheck", "status", "verify", "cutover")) {
            assertTrue(help.out().contains("  " + command + " "), command + " listed: " + help.out());
        }
        assertEquals("", help.err(), "nothing on standard error (no logging noise)");

        Result statusHelp = tool("status", "--help");
        assertEquals(0, statusHelp.exitCode(), statusHelp.err());
        assertTrue(statusHelp.out().contains("--source-connector=NAME"), statusHelp.out());
        assertTrue(statusHelp.out().contains("--output=FORMAT"), statusHelp.out());

        Result version = tool("--version");
        assertEquals(0, version.exitCode(), version.err());
        assertTrue(version.out().strip().matches("mysql-migrate \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), version.out());
    }

    @Test
    void theScriptPassesTheExitCodeAndTheMessageOfAWorkerThatDoesNotAnswer() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Result r = tool("status", "--connect-url", "http://127.0.0.1:" + port, "--source-connector", "shop-source",
                "--sink-connector", "shop-sink", "--output", "json");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("Kafka Connect's REST API at http://127.0.0.1:" + port + " does not answer (connection refused); "
                + "give the worker's URL with --connect-url"), r.err());
        assertTrue(r.out().startsWith("{\"error\":"), r.out());
    }
}
