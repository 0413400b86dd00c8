package io.mysqlmigrate.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.precheck.verify.TableComparison;
import io.mysqlmigrate.stack.SharedStack;
import io.mysqlmigrate.stack.demo.DemoDatabase;
import io.mysqlmigrate.stack.demo.LiveWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Whole migrations (schema, full and incremental) through the real stack: source and destination MariaDB, a KRaft
 * broker and a Connect worker running both plugin archives from its plugin.path. A writer keeps changing the
 * source during the snapshot and after it; the destination must end identical, definitions and rows.
 */
class PipelineOnMariaDbKafkaConnectIT {

    private static final int ORDERS = 25_000; // two lines each: order_lines holds 50,000 rows

    private final SharedStack stack = SharedStack.get();

    private Supplier<Connection> sourceConnections() {
        return () -> {
            try {
                return stack.source().connect();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private void createShop(String db) throws SQLException {
        try (Connection c = stack.source().connect()) {
            DemoDatabase.create(c, db, 2_000, ORDERS);
        }
    }

    /** SIGKILL: no graceful stop, no final offset commit. The source keeps changing while nothing migrates. */
    private void crashAndRestartWorker(Migration migration, LiveWriter writer) throws InterruptedException {
        stack.worker().kill();
        awaitMoreTransactions(writer, 300, "while the worker is down");
        stack.worker().restart();
        stack.rest().waitUntilRunning(migration.source.name(), Duration.ofSeconds(90));
        stack.rest().waitUntilRunning(migration.sink.name(), Duration.ofSeconds(90));
    }

    /** Waits until the application has committed {@code count} more transactions (two seconds' worth at 150/s). */
    private static void awaitMoreTransactions(LiveWriter writer, long count, String when) {
        long from = writer.transactions();
        await("the application commits " + count + " more transactions " + when).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(writer::transactions, done -> done >= from + count);
    }

    @Test
    void migratesALiveDatabaseWithAnAlterTableInTheMiddleOfTheStream() throws Exception {
        String db = "shop_live";
        createShop(db);
        LiveWriter writer = LiveWriter.start(sourceConnections(), db, 150);
        try (Migration migration = new Migration(stack, "m-live", List.of(db))) {
            migration.start();
            migration.awaitSinkProgress(1, true, Duration.ofSeconds(180));
            stack.source().execute("ALTER TABLE " + db + ".customers ADD COLUMN loyalty_tier TINYINT UNSIGNED NULL AFTER email",
                    "UPDATE " + db + ".customers SET loyalty_tier = id % 5 WHERE id % 3 = 0");
            awaitMoreTransactions(writer, 450, "after the ALTER TABLE");
            long written = writer.stop();
            assertTrue(written > 100, "the writer ran: " + written + " transactions");
            List<TableComparison> result = migration.awaitIdentical(Duration.ofSeconds(60));
            assertEquals(DemoDatabase.TABLES.size(), result.size());
            assertTrue(result.stream().anyMatch(t -> t.table().equals("order_lines") && t.source().rows() >= 40_000), result.toString());
        } finally {
            writer.close();
        }
    }

    @Test
    void aCrashedWorkerResumesWithoutLosingOrRepeatingAnything() throws Exception {
        String db = "shop_crash";
        createShop(db);
        LiveWriter writer = LiveWriter.start(sourceConnections(), db, 150);
        try (Migration migration = new Migration(stack, "m-crash", List.of(db))) {
            migration.start();

            // Crash in the middle of the snapshot, with a schema change the restarted snapshot must pick up.
            migration.awaitSinkProgress(5_000, false, Duration.ofSeconds(120));
            stack.source().execute("ALTER TABLE " + db + ".orders ADD COLUMN channel VARCHAR(16) NOT NULL DEFAULT 'web'");
            crashAndRestartWorker(migration, writer);

            // Crash in the middle of the stream, between a DDL and the rows after it.
            migration.awaitSinkProgress(1, true, Duration.ofSeconds(180));
            stack.source().execute("ALTER TABLE " + db + ".order_lines ADD COLUMN gift BOOLEAN NULL",
                    "UPDATE " + db + ".order_lines SET gift = TRUE WHERE order_id % 11 = 0",
                    "UPDATE " + db + ".orders SET channel = 'app' WHERE id % 13 = 0",
                    "ALTER TABLE " + db + ".orders DROP COLUMN channel");
            // Killed within the worker's 1 s offset flush: the restarted source sends again the rows written before
            // the DROP COLUMN, whose images still hold the dropped column.
            Thread.sleep(300); // not a wait for the system: the crash must fall inside that 1 s window
            crashAndRestartWorker(migration, writer);
            awaitMoreTransactions(writer, 450, "after the restart");
            writer.stop();
            migration.awaitIdentical(Duration.ofSeconds(60));
        } finally {
            writer.close();
        }
    }
}
