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

    @Test
    void aPasswordReferenceThatCannotBeResolvedHereIsAskedForAndNeverEchoedByTheConsole() throws IOException {
        java.util.List<String> asked = new java.util.ArrayList<>();
        ConnectorFile connector = ConnectorFile.fromWorker("shop-sink", java.util.Map.of("destination.user", "writer",
                "destination.password", "${file:/nonexistent/secrets.properties:destination.password}"),
                "http://connect:8083/connectors/shop-sink/config", question -> {
                    asked.add(question);
                    return "typed".toCharArray();
                });
        assertEquals("typed", connector.config().get("destination.password"));
        assertEquals("writer", connector.config().get("destination.user"));
        assertEquals(1, asked.size());
        assertTrue(asked.get(0).startsWith("shop-sink's destination.password is ${file:/nonexistent/secrets.properties:"
                + "destination.password} on the worker, not readable here"), asked.get(0));
    }

    @Test
    void aPasswordFromTheWorkerIsResolvedFromTheSameSecretsFileWithoutAsking() throws IOException {
        Path secrets = Files.createTempFile(dir(), "secrets-", ".properties");
        Files.writeString(secrets, "destination.password=from-file\n");
        ConnectorFile connector = ConnectorFile.fromWorker("shop-sink", java.util.Map.of("destination.password",
                "${file:" + secrets + ":destination.password}"), "worker", question -> {
                    throw new AssertionError("asked although the file is readable: " + question);
                });
        assertEquals("from-file", connector.config().get("destination.password"));
    }

    @Test
    void withoutATerminalTheErrorNamesTheSettingTheReferenceAndTheWaysToGiveIt() {
        IOException e = assertThrows(IOException.class, () -> ConnectorFile.fromWorker("shop-source", java.util.Map.of(
                "source.password", "${vault:secret/mysql:password}"), "http://connect:8083/connectors/shop-source/config",
                ConnectorFile.PasswordPrompt.NONE));
        assertTrue(e.getMessage().startsWith("http://connect:8083/connectors/shop-source/config: 'source.password' references "
                + "${vault:secret/mysql:password}"), e.getMessage());
        assertTrue(e.getMessage().contains("'vault' is a provider of the worker's own configuration"), e.getMessage());
        assertTrue(e.getMessage().endsWith("or run it in a terminal to be asked for the password"), e.getMessage());
    }

    @Test
    void aReferenceInASettingThatIsNoPasswordIsNotAskedFor() {
        IOException e = assertThrows(IOException.class, () -> ConnectorFile.fromWorker("shop-source", java.util.Map.of(
                "source.hostname", "${env:NO_SUCH_VARIABLE_FOR_MYSQL_MIGRATE}"), "worker", question -> {
                    throw new AssertionError("asked for a setting that is no password: " + question);
                }));
        assertTrue(e.getMessage().contains("'source.hostname' references ${env:NO_SUCH_VARIABLE_FOR_MYSQL_MIGRATE}"), e.getMessage());
        assertTrue(!e.getMessage().contains("terminal"), e.getMessage());
    }

    @Test
    void thePasswordSettingsAreTakenFromBothConfigDefs() {
        assertTrue(ConnectorFile.PASSWORD_SETTINGS.contains("source.password"), ConnectorFile.PASSWORD_SETTINGS.toString());
        assertTrue(ConnectorFile.PASSWORD_SETTINGS.contains("destination.password"), ConnectorFile.PASSWORD_SETTINGS.toString());
        assertTrue(!ConnectorFile.PASSWORD_SETTINGS.contains("source.user"), ConnectorFile.PASSWORD_SETTINGS.toString());
    }
}
