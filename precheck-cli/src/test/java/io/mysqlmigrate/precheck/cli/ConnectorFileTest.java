package io.mysqlmigrate.precheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The connector files users POST, read by the precheck with their config provider references resolved. */
class ConnectorFileTest {

    private static Path dir() throws IOException {
        return Files.createDirectories(Path.of("target", "connector-file-test").toAbsolutePath());
    }

    private static Path json(String config) throws IOException {
        Path file = Files.createTempFile(dir(), "connector-", ".json");
        Files.writeString(file, "{\"name\": \"shop-source\", \"config\": {" + config + "}}");
        return file;
    }

    @Test
    void aFileReferenceIsResolvedAsTheWorkerResolvesIt() throws IOException {
        Path secrets = Files.createTempFile(dir(), "secrets-", ".properties");
        Files.writeString(secrets, "source.password=s3cret\n");
        ConnectorFile file = ConnectorFile.read(json("\"source.user\": \"reader\", \"source.password\": \"${file:" + secrets
                + ":source.password}\""));
        assertEquals("shop-source", file.name());
        assertEquals("s3cret", file.config().get("source.password"));
        assertEquals("reader", file.config().get("source.user"));
    }

    @Test
    void anEnvironmentReferenceIsResolved() throws IOException {
        String variable = System.getenv().containsKey("HOME") ? "HOME" : System.getenv().keySet().iterator().next();
        ConnectorFile file = ConnectorFile.read(json("\"source.password\": \"${env:" + variable + "}\""));
        assertEquals(System.getenv(variable), file.config().get("source.password"));
    }

    @Test
    void aReferenceThatCannotBeResolvedAndAnUnfilledPlaceholderAreErrorsNamingTheSetting() throws IOException {
        Path secrets = Files.createTempFile(dir(), "secrets-", ".properties");
        Files.writeString(secrets, "other.key=x\n");
        IOException missingKey = assertThrows(IOException.class,
                () -> ConnectorFile.read(json("\"source.password\": \"${file:" + secrets + ":source.password}\"")));
        assertTrue(missingKey.getMessage().contains("'source.password' references"), missingKey.getMessage());
        IOException unfilled = assertThrows(IOException.class, () -> ConnectorFile.read(json("\"source.hostname\": \"${SOURCE_HOST}\"")));
        assertTrue(unfilled.getMessage().contains("'source.hostname' still holds a placeholder"), unfilled.getMessage());
        IOException template = assertThrows(IOException.class, () -> ConnectorFile.read(json("\"source.hostname\": \"{{SOURCE_HOST}}\"")));
        assertTrue(template.getMessage().contains("'source.hostname' still holds a placeholder"), template.getMessage());
    }
}
