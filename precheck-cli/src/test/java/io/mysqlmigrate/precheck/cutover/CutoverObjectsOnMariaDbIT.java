package io.mysqlmigrate.precheck.cutover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.precheck.progress.ConnectApi;
import io.mysqlmigrate.precheck.verify.Verification;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.SharedStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The cut-over's triggers and events on the shared MariaDB source and destination: a source account that cannot see
 * them stops the cut-over before anything is stopped, naming the kind and the GRANT (routines it cannot see are a
 * warning); and a trigger or event of the
 * source that is not on the destination afterwards fails the step by name instead of counting as success.
 */
class CutoverObjectsOnMariaDbIT {

    private static MigrationSourceConfig sourceConfig(MariaDbServer s, String user, String password, String db) {
        Map<String, String> p = new HashMap<>();
        p.put(MigrationSourceConfig.SOURCE_HOSTNAME, s.host());
        p.put(MigrationSourceConfig.SOURCE_PORT, Integer.toString(s.port()));
        p.put(MigrationSourceConfig.SOURCE_USER, user);
        p.put(MigrationSourceConfig.SOURCE_PASSWORD, password);
        p.put(MigrationSourceConfig.DATABASES_INCLUDE, db);
        p.put(MigrationSourceConfig.TOPIC_PREFIX, "cut");
        p.put(MigrationSourceConfig.KAFKA_BOOTSTRAP_SERVERS, "unused:9092");
        p.put(MigrationSourceConfig.EVENTS_MIGRATE, "true");
        return new MigrationSourceConfig(p);
    }

    private static MigrationSinkConfig sinkConfig(MariaDbServer d) {
        Map<String, String> p = new HashMap<>();
        p.put(MigrationSinkConfig.DESTINATION_HOSTNAME, d.host());
        p.put(MigrationSinkConfig.DESTINATION_PORT, Integer.toString(d.port()));
        p.put(MigrationSinkConfig.DESTINATION_USER, d.user());
        p.put(MigrationSinkConfig.DESTINATION_PASSWORD, d.password());
        return new MigrationSinkConfig(p);
    }

    private static Connection connect(MariaDbServer server, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://" + server.host() + ":" + server.port() + "/", user, password);
    }

    private static String newDatabase(MariaDbServer source, String prefix) {
        String db = prefix + "_" + System.nanoTime() % 1_000_000;
        source.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY, v INT)",
                "CREATE TRIGGER " + db + ".trg BEFORE INSERT ON " + db + ".t FOR EACH ROW SET NEW.v = 1",
                "CREATE EVENT " + db + ".ev ON SCHEDULE EVERY 1 DAY ENABLE DO DELETE FROM " + db + ".t WHERE id < 0",
                "CREATE EVENT " + db + ".ev_off ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM " + db + ".t WHERE id < 0");
        return db;
    }

    @Test
    void aSourceAccountThatCannotSeeTriggersOrEventsStopsTheCutoverBeforeWritesStop() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        MariaDbServer src = stack.source();
        String db = newDatabase(src, "cut_priv");
        String user = db + "_r";
        src.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'pw'",
                "GRANT SELECT, LOCK TABLES, SHOW VIEW ON " + db + ".* TO '" + user + "'@'%'",
                "GRANT RELOAD, REPLICATION SLAVE, BINLOG MONITOR ON *.* TO '" + user + "'@'%'");
        MigrationSourceConfig source = sourceConfig(src, user, "pw", db);
        Verification.Servers servers = new Verification.Servers() {
            @Override
            public Connection source() throws SQLException {
                return connect(src, user, "pw");
            }

            @Override
            public Connection destination() throws SQLException {
                return stack.destination().connect();
            }
        };
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        AtomicBoolean writesStopped = new AtomicBoolean();
        Cutover cutover = new Cutover("cut-source", source, "cut-sink", sinkConfig(stack.destination()),
                ConnectApi.client("http://127.0.0.1:9"), null, servers, new PrintStream(log, true, StandardCharsets.UTF_8));
        Cutover.Result result = cutover.run(new Cutover.Options(1000, Duration.ofSeconds(5), 1, 0), c -> {
            writesStopped.set(true);
            return "stopped";
        });
        assertEquals(2, result.exitCode());
        assertFalse(writesStopped.get(), "nothing is stopped when the cut-over could not finish its job");
        String account = "'" + user + "'@'%'";
        assertTrue(result.failure().startsWith("source's objects readable: the source account cannot read what the cut-over "
                + "must create: triggers of " + db + ": the account lacks TRIGGER on `" + db + "`.*"), result.failure());
        assertTrue(result.failure().contains("; events of " + db + ": the account lacks EVENT on `" + db + "`.*"), result.failure());
        assertTrue(result.failure().endsWith("GRANT TRIGGER ON `" + db + "`.* TO " + account + "; GRANT EVENT ON `" + db + "`.* TO "
                + account + ";"), result.failure());

        src.execute("GRANT TRIGGER, EVENT ON " + db + ".* TO " + account);
        try (Connection s = connect(src, user, "pw")) {
            assertEquals("views, triggers, events of " + db + " all visible to the source account; WARNING: procedures and functions of "
                    + db + ": the account lacks SELECT on `mysql`.`proc`, so the source shows it only the routines it created itself "
                    + "(or those granted to it, without their definitions): whether others exist cannot be known without the "
                    + "privilege, and the migration may have left them out (GRANT SELECT ON `mysql`.`proc` TO " + account + ";)",
                    cutover.objectsReadable(s), "routines, which the cut-over does not create, are a warning in its output");
        }
        src.execute("GRANT SELECT ON mysql.proc TO " + account);
        try (Connection s = connect(src, user, "pw")) {
            assertEquals("views, procedures and functions, triggers, events of " + db + " all visible to the source account",
                    cutover.objectsReadable(s));
        }
    }

    @Test
    void aTriggerOrEventOfTheSourceMissingOnTheDestinationFailsTheStepByName() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        MariaDbServer src = stack.source();
        MariaDbServer dst = stack.destination();
        String db = newDatabase(src, "cut_count");
        dst.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY, v INT)");
        Cutover cutover = new Cutover("cut-source", sourceConfig(src, src.user(), src.password(), db), "cut-sink", sinkConfig(dst),
                null, null, null, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try (Connection s = src.connect(); Connection d = dst.connect()) {
            SQLException shortfall = assertThrows(SQLException.class, () -> cutover.heldBackObjects(s, d));
            assertEquals("1 triggers created, 0 events enabled, but the source holds 1 triggers and 2 events and the destination "
                    + "lacks (or holds in another state) event " + db + ".ev (enabled), event " + db + ".ev_off (disabled): create "
                    + "them on the destination (SHOW CREATE on the source), and check that the destination account holds TRIGGER "
                    + "and EVENT", shortfall.getMessage());

            // as the sink creates them: disabled; the cutover enables the one the source runs and leaves the other off
            dst.execute("CREATE EVENT " + db + ".ev ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM " + db + ".t WHERE id < 0",
                    "CREATE EVENT " + db + ".ev_off ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM " + db + ".t WHERE id < 0");
            assertEquals("0 triggers created (1 already there), 1 events enabled; all 1 triggers and 2 events of the source are on "
                    + "the destination", cutover.heldBackObjects(s, d));
            try (var rs = d.createStatement().executeQuery("SELECT STATUS FROM information_schema.EVENTS WHERE EVENT_SCHEMA = '"
                    + db + "' AND EVENT_NAME = 'ev_off'")) {
                assertTrue(rs.next());
                assertEquals("DISABLED", rs.getString(1), "an event the source does not run stays disabled");
            }
        }
        dst.execute("ALTER EVENT " + db + ".ev DISABLE");
    }
}
