package io.mysqlmigrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.precheck.verify.DatabaseComparator;
import io.mysqlmigrate.precheck.verify.TableComparison;
import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.ServerOptions;
import io.mysqlmigrate.stack.SharedStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TLS to both ends, on real servers: a private source and a private destination MariaDB whose migration accounts
 * are only let in over TLS (REQUIRE SSL), with certificates signed by a CA made by this test with openssl, Kafka and
 * Connect. verify_ca with that CA (given as a file to the source and as PEM text to the sink) migrates; the same
 * settings with another CA are refused by the certificate check; without TLS the server refuses the account.
 */
class TlsOnMariaDbKafkaConnectIT {

    private final SharedStack stack = SharedStack.get();

    @Test
    void verifyCaMigratesAndAWrongCaOrNoTlsIsRefused() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "tls-" + System.nanoTime()).toAbsolutePath());
        Certificates certs = Certificates.make(dir);
        List<String> tls = List.of("--ssl-ca=" + certs.ca(), "--ssl-cert=" + certs.serverCert(), "--ssl-key=" + certs.serverKey());
        try (MariaDbServer source = MariaDbServer.start(ServerOptions.builder().name("tls-source").baseDir(dir.resolve("source"))
                .serverId(71).binlog(true).extraArgs(tls).build());
             MariaDbServer destination = MariaDbServer.start(ServerOptions.builder().name("tls-destination")
                     .baseDir(dir.resolve("destination")).serverId(72).extraArgs(tls).build())) {
            for (MariaDbServer server : List.of(source, destination)) {
                server.execute("CREATE USER 'tls'@'%' IDENTIFIED BY 'tls-pw' REQUIRE SSL", "GRANT ALL ON *.* TO 'tls'@'%'");
            }
            String db = "tls_shop";
            source.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY, v VARCHAR(20))",
                    "INSERT INTO " + db + ".t VALUES (1, 'a'), (2, 'b')");

            try (Migration migration = new Migration(stack, "m-tls", List.of(db))) {
                Map<String, String> sourceConfig = endpoint("source", source);
                sourceConfig.put("source.ssl.mode", "verify_ca");
                sourceConfig.put("source.ssl.ca", certs.ca().toString());
                Map<String, String> sinkConfig = endpoint("destination", destination);
                sinkConfig.put("destination.ssl.mode", "verify_ca");
                sinkConfig.put("destination.ssl.ca", Files.readString(certs.ca()));
                migration.start(sourceConfig, sinkConfig);
                source.execute("INSERT INTO " + db + ".t VALUES (3, 'streamed over TLS')");
                awaitIdentical(migration, source, destination, db);
                try (Connection d = destination.connect(); Statement st = d.createStatement();
                     ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = 'tls'")) {
                    rs.next();
                    assertTrue(rs.getInt(1) > 0, "the sink is connected as the TLS-only account");
                }
            }

            try (Migration wrongCa = new Migration(stack, "m-tls-wrong-ca", List.of(db))) {
                Map<String, String> sourceConfig = endpoint("source", source);
                sourceConfig.put("source.ssl.mode", "verify_ca");
                sourceConfig.put("source.ssl.ca", certs.otherCa().toString());
                String trace = startAndAwaitFailure(wrongCa, sourceConfig, endpoint("destination", destination), true);
                assertTrue(trace.toLowerCase().contains("certif") || trace.contains("PKIX"), trace);
            }
            try (Migration noTls = new Migration(stack, "m-tls-none", List.of(db))) {
                Map<String, String> sinkConfig = endpoint("destination", destination);
                sinkConfig.put("destination.ssl.mode", "required");
                Map<String, String> sourceConfig = endpoint("source", source);
                sourceConfig.put("source.ssl.mode", "disabled");
                String trace = startAndAwaitFailure(noTls, sourceConfig, sinkConfig, true);
                assertTrue(trace.contains("Access denied"), trace);
            }
        }
    }

    private static Map<String, String> endpoint(String role, MariaDbServer server) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put(role + ".hostname", server.host());
        c.put(role + ".port", Integer.toString(server.port()));
        c.put(role + ".user", "tls");
        c.put(role + ".password", "tls-pw");
        return c;
    }

    private String startAndAwaitFailure(Migration migration, Map<String, String> source, Map<String, String> sink, boolean sourceFails)
            throws Exception {
        Map<String, String> sinkConfig = new LinkedHashMap<>(migration.sink.config());
        sinkConfig.putAll(sink);
        Map<String, String> sourceConfig = new LinkedHashMap<>(migration.source.config());
        sourceConfig.putAll(source);
        stack.rest().createOrUpdate(migration.sink.name(), sinkConfig);
        stack.rest().createOrUpdate(migration.source.name(), sourceConfig);
        String name = sourceFails ? migration.source.name() : migration.sink.name();
        return migration.awaitFailedTask(name, Duration.ofSeconds(120));
    }

    private void awaitIdentical(Migration migration, MariaDbServer source, MariaDbServer destination, String db) {
        List<TableComparison> last = migration.awaiting(db + " identical on the TLS servers", Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    try (Connection s = source.connect(); Connection d = destination.connect()) {
                        return DatabaseComparator.compare(s, d, List.of(db));
                    } catch (java.sql.SQLException notYet) {
                        return List.<TableComparison>of();
                    }
                }, comparison -> !comparison.isEmpty() && DatabaseComparator.allMatch(comparison));
        assertEquals(1, last.size());
    }

    /** A CA, a server certificate it signs (for 127.0.0.1), and an unrelated CA, made with openssl. */
    record Certificates(Path ca, Path serverCert, Path serverKey, Path otherCa) {
        static Certificates make(Path dir) throws IOException, InterruptedException {
            run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
                    "-subj", "/CN=mysql-migrate test CA");
            run(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
                    "-subj", "/CN=127.0.0.1");
            run(dir, "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                    "-out", "server.pem", "-days", "2");
            run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other.key", "-out", "other.pem",
                    "-days", "2", "-subj", "/CN=some other CA");
            return new Certificates(dir.resolve("ca.pem"), dir.resolve("server.pem"), dir.resolve("server.key"), dir.resolve("other.pem"));
        }

        private static void run(Path dir, String... command) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("openssl.log").toFile()).start();
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + Files.readString(dir.resolve("openssl.log")));
            }
        }
    }
}
