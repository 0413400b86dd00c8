package io.mysqlmigrate.dialect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a connection to a source or destination server is secured: {@code disabled}, {@code required} (encrypted,
 * certificate not checked) or {@code verify_ca} (encrypted, certificate signed by the given CA). The CA is given as
 * PEM, either the text itself or the path of a file on the worker (Amazon RDS and the other clouds hand out PEM
 * bundles); the Java clients need a trust store, so one is written next to the worker's temporary files, named by the
 * CA's digest.
 */
public record TlsSettings(Mode mode, String caPem) {

    public enum Mode {
        DISABLED, REQUIRED, VERIFY_CA;

        public static Mode parse(String text) {
            return Mode.valueOf(text.trim().toUpperCase(Locale.ROOT));
        }

        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String[] MODES = {"disabled", "required", "verify_ca"};

    /** A PKCS#12 trust store holding the CA's certificates, with the password to open it. */
    public record TrustStore(Path path, String password) {
    }

    public static TlsSettings of(String mode, String ca) {
        return new TlsSettings(Mode.parse(mode), ca == null || ca.isBlank() ? null : ca.trim());
    }

    /** Why these settings cannot work, or null: verify_ca needs a CA, and the CA must read as certificates. */
    public String problem() {
        if (mode == Mode.VERIFY_CA && caPem == null) {
            return "verify_ca needs the CA certificate (PEM text or the path of a PEM file on the worker)";
        }
        if (caPem != null) {
            try {
                certificates();
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                return "the CA certificate cannot be read: " + e.getMessage();
            }
        }
        return null;
    }

    /** Properties of mysql-connector-j for these settings. */
    public Map<String, String> jdbcProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        switch (mode) {
            case DISABLED -> p.put("sslMode", "DISABLED");
            case REQUIRED -> p.put("sslMode", "REQUIRED");
            case VERIFY_CA -> {
                TrustStore store = trustStore();
                p.put("sslMode", "VERIFY_CA");
                p.put("trustCertificateKeyStoreUrl", store.path().toUri().toString());
                p.put("trustCertificateKeyStoreType", "PKCS12");
                p.put("trustCertificateKeyStorePassword", store.password());
            }
        }
        return p;
    }

    /** The trust store for the CA, written once per CA. */
    public TrustStore trustStore() {
        try {
            Collection<? extends Certificate> certificates = certificates();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(pemText().getBytes(StandardCharsets.UTF_8));
            String id = HexFormat.of().formatHex(digest, 0, 10);
            String password = "mysql-migrate-" + id;
            Path path = Path.of(System.getProperty("java.io.tmpdir"), "mysql-migrate-ca-" + id + ".p12");
            if (!Files.exists(path)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                int i = 0;
                for (Certificate c : certificates) {
                    store.setCertificateEntry("ca-" + i++, c);
                }
                Path tmp = Files.createTempFile(path.getParent(), "mysql-migrate-ca-", ".tmp");
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    store.store(out, password.toCharArray());
                }
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the temporary directory's own permissions apply
                }
                Files.move(tmp, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return new TrustStore(path, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot write a trust store for the CA certificate: " + e.getMessage(), e);
        }
    }

    private Collection<? extends Certificate> certificates() throws IOException, GeneralSecurityException {
        try (InputStream in = new ByteArrayInputStream(pemText().getBytes(StandardCharsets.US_ASCII))) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new GeneralSecurityException("no certificate in it");
            }
            return certificates;
        }
    }

    private String pemText() throws IOException {
        if (caPem == null) {
            throw new IOException("no CA certificate given");
        }
        if (caPem.startsWith("-----BEGIN")) {
            return caPem;
        }
        Path file = Path.of(caPem);
        if (!Files.isReadable(file)) {
            throw new IOException("no readable file " + file + " on this worker");
        }
        return Files.readString(file, StandardCharsets.US_ASCII);
    }
}
