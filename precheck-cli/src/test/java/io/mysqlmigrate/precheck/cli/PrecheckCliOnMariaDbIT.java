package io.mysqlmigrate.precheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.SharedStack;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The precheck command on connector files as users POST them, against real MariaDB servers: its exit codes. */
class PrecheckCliOnMariaDbIT {

    private static Path connectorFile(Path dir, String name, String config) throws Exception {
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, "{\"name\": \"" + name + "\", \"config\": {" + config + "}}");
        return file;
    }

    private static String source(MariaDbServer s, String db) {
        return "\"connector.class\": \"io.mysqlmigrate.source.MigrationSourceConnector\", \"source.hostname\": \"" + s.host()
                + "\", \"source.port\": \"" + s.port() + "\", \"source.user\": \"" + s.user() + "\", \"source.password\": \""
                + s.password() + "\", \"databases.include\": \"" + db + "\", \"topic.prefix\": \"cli\", "
                + "\"kafka.bootstrap.servers\": \"unused:9092\"";
    }

    private static String sink(MariaDbServer d) {
        return "\"connector.class\": \"io.mysqlmigrate.sink.MigrationSinkConnector\", \"destination.hostname\": \"" + d.host()
                + "\", \"destination.port\": \"" + d.port() + "\", \"destination.user\": \"" + d.user()
                + "\", \"destination.password\": \"" + d.password() + "\"";
    }

    private static int run(Path source, Path sink, String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = "--source-config";
        args[1] = source.toString();
        args[2] = "--sink-config";
        args[3] = sink.toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        return new CommandLine(new PrecheckCli()).execute(args);
    }

    @Test
    void exitCodesSayPassFailOrCannotRun() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "precheck-cli");
        stack.source().execute("CREATE DATABASE cli_ok", "CREATE TABLE cli_ok.t (id INT PRIMARY KEY)",
                "CREATE DATABASE cli_warn", "CREATE TABLE cli_warn.nokey (a INT)");
        Path sink = connectorFile(dir, "cli-sink", sink(stack.destination()));
        assertEquals(PrecheckCli.PASSED, run(connectorFile(dir, "ok-source", source(stack.source(), "cli_ok")), sink));
        Path warned = connectorFile(dir, "warn-source", source(stack.source(), "cli_warn"));
        assertEquals(PrecheckCli.FAILED, run(warned, sink), "an unacknowledged WARN blocks");
        assertEquals(PrecheckCli.PASSED, run(warned, sink, "--ack", "source.tables.without_key", "--format", "json"));
        Path unreachable = connectorFile(dir, "far-source", source(stack.source(), "cli_ok").replace(
                "\"source.port\": \"" + stack.source().port() + "\"", "\"source.port\": \"1\""));
        assertEquals(PrecheckCli.CANNOT_RUN, run(unreachable, sink));
    }
}
