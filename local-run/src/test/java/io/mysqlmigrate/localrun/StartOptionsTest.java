package io.mysqlmigrate.localrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartOptionsTest {

    private static RunPlan plan(String... args) {
        LocalRun command = new LocalRun(new Terminal(System.out, System.err, false, true, 80), Path.of("."));
        LocalRun.commandLine(command).parseArgs(args);
        return command.startOptions.plan();
    }

    private static String error(String... args) {
        return assertThrows(UsageException.class, () -> plan(args)).getMessage();
    }

    @Test
    void noOptionsIsTheDemo() {
        RunPlan plan = plan();
        assertTrue(plan.demoSource());
        assertTrue(plan.privateDestination());
        assertTrue(plan.needsPrivateMariaDb());
        assertEquals(List.of("shop"), plan.databases());
        assertEquals(List.of("demo.shop"), plan.topics());
        assertEquals("demo-source", plan.sourceConnector());
        assertEquals("demo-sink", plan.sinkConnector());
        assertEquals(10, plan.liveSeconds());
    }

    @Test
    void warningsAreAcknowledgedByCheckIdRepeatedOrCommaSeparated() {
        assertEquals(java.util.Set.of(), plan().acknowledged());
        RunPlan plan = plan("--source-host", "db1", "--source-user", "repl", "--databases", "shop",
                "--ack", "source.tables.cascading_foreign_keys,source.sql_mode.zero_dates", "--ack", "servers.time_zone");
        assertEquals(java.util.Set.of("source.tables.cascading_foreign_keys", "source.sql_mode.zero_dates", "servers.time_zone"),
                plan.acknowledged());
    }

    @Test
    void anExistingSourceNeedsDatabases() {
        String message = error("--source-host", "db1", "--source-user", "repl");
        assertTrue(message.startsWith("--databases is required with --source-host"), message);
        assertTrue(message.contains("--databases shop,crm"), message);
    }

    @Test
    void anExistingSourceNeedsAUser() {
        String message = error("--source-host", "db1", "--databases", "a");
        assertTrue(message.startsWith("--source-user is required with --source-host"), message);
    }

    @Test
    void databasesWithoutAnExistingSourceAreRefused() {
        String message = error("--databases", "a,b");
        assertTrue(message.startsWith("--databases applies only to an existing source (--source-host)"), message);
    }

    @Test
    void portUserOrPasswordWithoutHostNameTheMissingOption() {
        assertTrue(error("--source-port", "3307").startsWith("--source-port needs --source-host"));
        assertTrue(error("--destination-user", "u", "--destination-password", "p")
                .startsWith("--destination-user, --destination-password need --destination-host"));
    }

    @Test
    void anExistingSourceAndDestination() {
        RunPlan plan = plan("--source-host", "db1", "--source-port", "3307", "--source-user", "repl",
                "--source-password", "secret", "--databases", "shop, crm,shop", "--destination-host", "db2",
                "--destination-user", "app");
        assertFalse(plan.demoSource());
        assertFalse(plan.privateDestination());
        assertFalse(plan.needsPrivateMariaDb());
        assertEquals(List.of("shop", "crm"), plan.databases());
        assertEquals(List.of("demo.shop", "demo.crm"), plan.topics());
        assertEquals("db1:3307", plan.source().address());
        assertEquals("secret", plan.source().password());
        assertEquals("db2:3306", plan.destination().address());
        assertEquals("", plan.destination().password());
    }

    @Test
    void onlyAnExistingDestinationKeepsTheDemoSource() {
        RunPlan plan = plan("--destination-host", "db2", "--destination-user", "app");
        assertTrue(plan.demoSource());
        assertFalse(plan.privateDestination());
        assertTrue(plan.needsPrivateMariaDb());
        assertEquals(List.of("shop"), plan.databases());
        assertNull(plan.source());
    }

    @Test
    void sourceAndDestinationMustDiffer() {
        String message = error("--source-host", "localhost", "--source-user", "u", "--databases", "a",
                "--destination-host", "127.0.0.1", "--destination-user", "u");
        assertTrue(message.contains("name the same server (localhost:3306)"), message);
    }

    @Test
    void databaseNamesBecomeTopicNames() {
        assertTrue(error("--source-host", "h", "--source-user", "u", "--databases", "my db").contains("'my db'"));
        assertTrue(error("--source-host", "h", "--source-user", "u", "--databases", "shop,MySQL")
                .contains("'MySQL' is a system database"));
        assertTrue(error("--source-host", "h", "--source-user", "u", "--databases", " , ")
                .startsWith("--databases is required"));
    }

    @Test
    void portsAreChecked() {
        assertTrue(error("--source-host", "h", "--source-port", "70000", "--source-user", "u", "--databases", "a")
                .startsWith("--source-port must be between 1 and 65535"));
    }

    @Test
    void passwordsNeverShowInTheEndpointText() {
        RunPlan plan = plan("--source-host", "db1", "--source-user", "repl", "--source-password", "hunter2",
                "--databases", "a");
        assertFalse(plan.source().toString().contains("hunter2"), plan.source().toString());
        assertFalse(plan.toString().contains("hunter2") && !plan.toString().contains("password"), plan.toString());
    }

    @Test
    void optionErrorsExitWithTwoAndNameTheOption() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LocalRun.execute(new String[] {"--source-host", "db1", "--source-user", "u"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("--databases is required with --source-host"), text);
        assertEquals("", out.toString(StandardCharsets.UTF_8));

        err.reset();
        code = LocalRun.execute(new String[] {"--no-such-option"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown option: '--no-such-option'"));
    }
}
