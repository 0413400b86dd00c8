package io.mysqlmigrate.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.precheck.cli.OperatorCli;
import io.mysqlmigrate.precheck.verify.DatabaseComparator;
import io.mysqlmigrate.precheck.verify.TableComparison;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.sink.state.ProgressStore;
import io.mysqlmigrate.stack.SharedStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The cutover command on a live migration through the real stack (source and destination MariaDB, Kafka, Connect)
 * while an application account keeps writing: it sets the source read-only, waits until the sink applied the last
 * transaction, verifies, and removes both connectors; afterwards the destination equals the source. A second
 * database gets no change after its snapshot, so only the written one streams. Before the cutover, verify on the same
 * live migration, writer running, reports both tables identical.
 */
class CutoverOnMariaDbKafkaConnectIT {

    private final SharedStack stack = SharedStack.get();

    @Test
    void aLiveMigrationWithAWriterVerifiesCleanAndEndsVerifiedWithTheConnectorsGone() throws Exception {
        String db = "co_live";
        String quietDb = "co_quiet"; // never written after the snapshot: nothing streams for it
        stack.source().execute("CREATE DATABASE " + db,
                "CREATE TABLE " + db + ".t (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(40), n INT NOT NULL DEFAULT 0)",
                "INSERT INTO " + db + ".t (v) SELECT CONCAT('v', seq) FROM " + db + ".seq_1_to_2000",
                "CREATE DATABASE " + quietDb, "CREATE TABLE " + quietDb + ".q (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO " + quietDb + ".q SELECT seq, CONCAT('q', seq) FROM " + quietDb + ".seq_1_to_500",
                // held back during the migration; the cutover creates the trigger and enables the event
                "CREATE TRIGGER " + quietDb + ".q_upper BEFORE INSERT ON " + quietDb + ".q FOR EACH ROW SET NEW.v = UPPER(NEW.v)",
                "CREATE EVENT " + quietDb + ".q_purge ON SCHEDULE EVERY 1 DAY ENABLE DO DELETE FROM " + quietDb + ".q WHERE id < 0",
                "CREATE USER IF NOT EXISTS 'co_app'@'%' IDENTIFIED BY 'app'",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON " + db + ".* TO 'co_app'@'%'");
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "cutover-cli");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong written = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        Thread writer = new Thread(() -> write(db, writing, written, refused), "application-writer");
        try (Migration migration = new Migration(stack, "m-cutover", List.of(db, quietDb))) {
            Map<String, String> sourceConfig = new java.util.LinkedHashMap<>(migration.source.config());
            sourceConfig.put("events.migrate", "true");
            // views and routines are looked for every 30 s: a view created just before the cutover is not on the
            // destination yet unless the cutover waits for a whole look after writes stopped (two intervals, 60 s)
            sourceConfig.put("objects.sync.interval.ms", "30000");
            migration.start(sourceConfig, Map.of());
            writer.start();
            awaitStreaming(migration, Duration.ofSeconds(120));
            long before = written.get();
            await("the application writes during the migration").atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertTrue(written.get() > before, "the application writes during the migration"));

            ObjectMapper json = new ObjectMapper();
            Path sourceFile = dir.resolve("source.json");
            Path sinkFile = dir.resolve("sink.json");
            Files.writeString(sourceFile, json.writeValueAsString(Map.of("name", migration.source.name(), "config", sourceConfig)));
            Files.writeString(sinkFile, json.writeValueAsString(Map.of("name", migration.sink.name(), "config", migration.sink.config())));

            // While the writer runs, verify re-checks what differs in flight after the delay and reports nothing.
            long writtenBeforeVerify = written.get();
            CliRun live = cli("verify", "--source-config", sourceFile.toString(), "--sink-config", sinkFile.toString());
            assertEquals(0, live.code(), live.out());
            assertTrue(live.out().contains("OK    " + db + ".t: identical"), live.out());
            assertTrue(live.out().contains("OK    " + quietDb + ".q: identical (500 rows"), live.out());
            assertTrue(written.get() > writtenBeforeVerify, "the application kept writing while verify ran");

            stack.source().execute("CREATE VIEW " + quietDb + ".v_late AS SELECT id FROM " + quietDb + ".q WHERE id < 10");
            CliRun cutover = cli("cutover", "--source-config", sourceFile.toString(), "--sink-config", sinkFile.toString(),
                    "--connect-url", stack.rest().restUrl(), "--set-source-read-only", "--max-delay-ms", "5000", "--timeout-seconds", "120");
            String out = cutover.out();
            System.out.println(out);
            assertEquals(0, cutover.code(), out);
            assertTrue(out.contains("writes stopped on the source") && out.contains("read_only = ON"), out);
            assertTrue(out.contains("no change since the snapshot: m-cutover." + quietDb), out);
            assertTrue(out.contains("2 of 2 tables identical"), out);
            assertTrue(out.contains("views and routines in step"), out);
            try (var d = stack.destination().connect(); var st = d.createStatement();
                 var rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.VIEWS WHERE TABLE_SCHEMA = '" + quietDb
                         + "' AND TABLE_NAME = 'v_late'")) {
                assertTrue(rs.next() && rs.getInt(1) == 1, "the view created just before the cutover was migrated before the "
                        + "connectors were removed:\n" + out);
            }
            assertTrue(out.contains("after a full catalog check since writes stopped"), out);
            assertTrue(out.contains("1 triggers created, 1 events enabled"), out);
            assertTrue(out.contains("ANALYZE TABLE on the destination"), out);
            try (var d = stack.destination().connect(); var st = d.createStatement()) {
                try (var rs = st.executeQuery("SELECT EVENT_NAME, STATUS FROM information_schema.EVENTS WHERE EVENT_SCHEMA = '" + quietDb + "'")) {
                    assertTrue(rs.next() && rs.getString(2).equals("ENABLED"), "the migrated event is enabled at the cutover");
                }
                st.execute("INSERT INTO " + quietDb + ".q VALUES (9999, 'lower')");
                try (var rs = st.executeQuery("SELECT v FROM " + quietDb + ".q WHERE id = 9999")) {
                    assertTrue(rs.next() && rs.getString(1).equals("LOWER"), "the trigger created at the cutover works");
                }
                st.execute("DELETE FROM " + quietDb + ".q WHERE id = 9999");
            }
            assertTrue(out.contains("Cutover done in"), out);

            List<String> connectors = stack.rest().connectors();
            assertFalse(connectors.contains(migration.source.name()) || connectors.contains(migration.sink.name()), connectors.toString());
            await("the writer refused by the read-only source").atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertTrue(refused.get() > 0, "the writer was refused once the source was read-only"));

            try (Connection s = stack.source().connect(); Connection d = stack.destination().connect()) {
                List<TableComparison> comparison = DatabaseComparator.compare(s, d, List.of(db, quietDb));
                assertTrue(DatabaseComparator.allMatch(comparison),
                        comparison.stream().map(TableComparison::describe).collect(Collectors.joining("\n")));
            }
        } finally {
            writing.set(false);
            writer.join(5000);
            stack.source().execute("SET GLOBAL read_only = OFF", "DROP USER IF EXISTS 'co_app'@'%'");
        }
    }

    /** Waits until the sink applies streamed changes of the written database (the quiet one never streams). */
    private void awaitStreaming(Migration migration, Duration timeout) {
        migration.awaiting("the sink applies streamed changes", timeout).until(() -> {
            try (Connection d = stack.destination().connect(); Statement st = d.createStatement();
                 var rs = st.executeQuery("SELECT COUNT(*) FROM " + Identifiers.quote(new MigrationSinkConfig(
                         migration.sink.config()).stateDatabase(), ProgressStore.OFFSETS_TABLE) + " WHERE connector = '"
                         + migration.sink.name() + "' AND phase = '" + ProgressStore.PHASE_INCREMENTAL + "'")) {
                return rs.next() && rs.getLong(1) > 0;
            } catch (SQLException notYet) {
                return false; // the progress table appears with the sink's first start
            }
        });
    }

    private record CliRun(int code, String out) {
    }

    private static CliRun cli(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            code = new CommandLine(new OperatorCli()).execute(args);
        } finally {
            System.setOut(original);
        }
        return new CliRun(code, captured.toString(StandardCharsets.UTF_8));
    }

    /** The application: inserts and updates as fast as a small pause allows, until told to stop. */
    private void write(String db, AtomicBoolean writing, AtomicLong written, AtomicLong refused) {
        while (writing.get()) {
            try (Connection c = DriverManager.getConnection(stack.source().jdbcUrl(db), "co_app", "app"); Statement st = c.createStatement()) {
                while (writing.get()) {
                    try {
                        st.executeUpdate("INSERT INTO t (v) VALUES ('live')");
                        st.executeUpdate("UPDATE t SET n = n + 1 WHERE id = " + (1 + ThreadLocalRandom.current().nextInt(2000)));
                        written.incrementAndGet();
                    } catch (SQLException e) {
                        if (e.getErrorCode() == 1290) { // running with --read-only
                            refused.incrementAndGet();
                        } else {
                            throw e;
                        }
                    }
                    Thread.sleep(20); // the application's pace, not a wait for the system
                }
            } catch (SQLException e) {
                sleepQuietly();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(200); // the application's pause before it reconnects, not a wait for the system
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
