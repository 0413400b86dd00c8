package io.mysqlmigrate.precheck.checks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A test CA with a server certificate for 127.0.0.1 it signed, and a second CA that signed nothing; made by openssl. */
record TestCertificates(Path ca, Path serverCert, Path serverKey, Path unrelatedCa) {

    static TestCertificates create(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=precheck test CA",
                "-keyout", "ca-key.pem", "-out", "ca.pem");
        openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "server-key.pem",
                "-out", "server.csr");
        openssl(dir, "x509", "-req", "-days", "1", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem",
                "-CAcreateserial", "-out", "server-cert.pem");
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=unrelated CA",
                "-keyout", "unrelated-key.pem", "-out", "unrelated-ca.pem");
        return new TestCertificates(dir.resolve("ca.pem"), dir.resolve("server-cert.pem"), dir.resolve("server-key.pem"),
                dir.resolve("unrelated-ca.pem"));
    }

    /** mariadbd options serving this certificate. */
    List<String> serverArgs() {
        return List.of("--ssl-ca=" + ca, "--ssl-cert=" + serverCert, "--ssl-key=" + serverKey);
    }

    private static void openssl(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Path log = dir.resolve("openssl.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ": " + Files.readString(log));
        }
    }
}
