package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Status;
import io.mysqlmigrate.precheck.cli.PrecheckCli;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.ServerOptions;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * source.tls and destination.tls against a private MariaDB serving a certificate signed by a CA this test makes with
 * openssl, with an account it admits only over TLS (REQUIRE SSL). verify_ca with that CA passes and reports the
 * negotiated protocol and cipher; the same settings with an unrelated CA cannot connect, so the precheck cannot run
 * (exit code 2) and says the certificate is the reason. TLS off to a loopback address passes; TLS off to the same
 * server over this machine's network address warns when that address is not a private one, and verify_ca lifts it,
 * for the source and the destination alike. On a machine whose only network address is private that leg cannot be
 * produced and the test checks the PASS instead (here the address is 192.0.2.2, so the WARN leg runs).
 */
class TlsOnMariaDbIT {

    @Test
    void verifyCaReportsTheCipherAndAWrongCaCannotRun() throws Exception {
        Path base = CheckRuns.scratchDir("precheck-tls");
        TestCertificates certs = TestCertificates.create(base.resolve("certs"));
        String lanAddress = lanAddress();
        List<String> args = new ArrayList<>(certs.serverArgs());
        args.add("--bind-address=127.0.0.1," + lanAddress);
        try (MariaDbServer server = MariaDbServer.start(ServerOptions.builder().name("tls").baseDir(base).serverId(51)
                .extraArgs(args).build())) {
            server.execute("CREATE USER 'tls_only'@'%' IDENTIFIED BY 'tls-pw' REQUIRE SSL", "GRANT ALL ON *.* TO 'tls_only'@'%'");
            String db = CheckRuns.newDatabase(server, "tls");

            Map<String, String> source = CheckRuns.sourceAs(server, "tls_only", "tls-pw", db,
                    MigrationSourceConfig.SOURCE_SSL_MODE, "verify_ca", MigrationSourceConfig.SOURCE_SSL_CA, certs.ca().toString());
            Map<String, String> sink = CheckRuns.sinkAs(server, "tls_only", "tls-pw",
                    MigrationSinkConfig.DESTINATION_SSL_MODE, "verify_ca", MigrationSinkConfig.DESTINATION_SSL_CA,
                    Files.readString(certs.ca()));
            for (TlsCheck check : new TlsCheck[] {TlsCheck.source(), TlsCheck.destination()}) {
                CheckResult result = CheckRuns.run(check, source, sink);
                assertEquals(Status.PASS, result.status(), result.found());
                assertTrue(result.found().matches("TLS to 127\\.0\\.0\\.1: TLSv1\\.[23], \\S+; the server's certificate verified "
                        + "against (source|destination)\\.ssl\\.ca"), result.found());
            }

            Map<String, String> wrongCa = CheckRuns.sourceAs(server, "tls_only", "tls-pw", db,
                    MigrationSourceConfig.SOURCE_SSL_MODE, "verify_ca", MigrationSourceConfig.SOURCE_SSL_CA,
                    certs.unrelatedCa().toString());
            SQLException refused = assertThrows(SQLException.class, () -> CheckContext.open("tls", wrongCa, sink).close());
            assertTrue(refused.getMessage().startsWith("Cannot connect to the source tls_only@127.0.0.1:" + server.port()),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("(the TLS handshake failed: ") && refused.getMessage().contains("trust anchors"), "the message names the certificate as the reason: "
                    + refused.getMessage());
            assertEquals(2, cli(base, wrongCa, sink), "a source the precheck cannot reach means it cannot run");

            Map<String, String> plain = CheckRuns.source(server, db);
            CheckResult off = CheckRuns.run(TlsCheck.source(), plain, CheckRuns.sink(server));
            assertEquals(Status.PASS, off.status(), off.found());
            assertEquals("source.ssl.mode=disabled; 127.0.0.1 is a loopback or private address", off.found());

            // The same server reached over this machine's network address: a warning where that address is not private.
            Map<String, String> overNetwork = CheckRuns.source(server, db, MigrationSourceConfig.SOURCE_HOSTNAME, lanAddress);
            CheckResult network = CheckRuns.run(TlsCheck.source(), overNetwork, CheckRuns.sink(server));
            if (TlsCheck.onPrivateNetwork(lanAddress)) {
                assertEquals(Status.PASS, network.status(), network.found());
                assertEquals("source.ssl.mode=disabled; " + lanAddress + " is a loopback or private address", network.found());
            } else {
                assertEquals(Status.WARN, network.status(), network.found());
                assertEquals("source.ssl.mode=disabled and " + lanAddress + " is not a loopback or private address", network.found());
                assertTrue(network.fix().startsWith("The server already offers TLS (have_ssl=YES). Set source.ssl.mode=verify_ca and "
                        + "source.ssl.ca to "), network.fix());
                overNetwork.put(MigrationSourceConfig.SOURCE_SSL_MODE, "verify_ca");
                overNetwork.put(MigrationSourceConfig.SOURCE_SSL_CA, certs.ca().toString());
                CheckResult fixed = CheckRuns.run(TlsCheck.source(), overNetwork, CheckRuns.sink(server));
                assertEquals(Status.PASS, fixed.status(), fixed.found());

                // The destination side alike: TLS off over the network address warns, its fix (verify_ca, the CA's PEM) passes.
                Map<String, String> sinkOverNetwork = CheckRuns.sink(server, MigrationSinkConfig.DESTINATION_HOSTNAME, lanAddress);
                CheckResult destinationWarned = CheckRuns.run(TlsCheck.destination(), plain, sinkOverNetwork);
                assertEquals(Status.WARN, destinationWarned.status(), destinationWarned.found());
                assertEquals("destination.ssl.mode=disabled and " + lanAddress + " is not a loopback or private address",
                        destinationWarned.found());
                assertTrue(destinationWarned.fix().contains("Set destination.ssl.mode=verify_ca and destination.ssl.ca to "),
                        destinationWarned.fix());
                sinkOverNetwork.put(MigrationSinkConfig.DESTINATION_SSL_MODE, "verify_ca");
                sinkOverNetwork.put(MigrationSinkConfig.DESTINATION_SSL_CA, Files.readString(certs.ca()));
                CheckResult destinationFixed = CheckRuns.run(TlsCheck.destination(), plain, sinkOverNetwork);
                assertEquals(Status.PASS, destinationFixed.status(), destinationFixed.found());
            }
        }
    }

    /** This machine's first non-loopback IPv4 address (here 192.0.2.2, a documentation range, so not a private one). */
    private static String lanAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        return a.getHostAddress();
                    }
                }
            }
        }
        throw new IllegalStateException("this machine has no network address besides loopback");
    }

    private static int cli(Path dir, Map<String, String> source, Map<String, String> sink) throws Exception {
        Path sourceFile = dir.resolve("source.json");
        Path sinkFile = dir.resolve("sink.json");
        Files.writeString(sourceFile, json("tls-source", source));
        Files.writeString(sinkFile, json("tls-sink", sink));
        return new CommandLine(new PrecheckCli()).execute("--source-config", sourceFile.toString(), "--sink-config", sinkFile.toString());
    }

    static String json(String name, Map<String, String> config) {
        return "{\"name\": \"" + name + "\", \"config\": {" + config.entrySet().stream()
                .map(e -> quote(e.getKey()) + ": " + quote(e.getValue())).collect(Collectors.joining(", ")) + "}}";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
