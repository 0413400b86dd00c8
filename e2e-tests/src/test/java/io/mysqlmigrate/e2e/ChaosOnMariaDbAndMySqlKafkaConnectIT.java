package io.mysqlmigrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.stack.DatabaseServer;
import io.mysqlmigrate.stack.FlavourPair;
import io.mysqlmigrate.stack.ManagedServer;
import io.mysqlmigrate.stack.SharedStack;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A bounded chaos run on real servers (a MariaDB and a MySQL 9.7 pair of one flavour each, a KRaft broker and the
 * shared Connect worker): a seeded database with primary keys, a unique key and foreign keys (one with ON DELETE
 * CASCADE) is migrated while {@link ChaosLoad} writes to it, and faults are injected at random points: the Connect
 * worker killed with SIGKILL once during the snapshot and twice during the stream, the destination server killed
 * with SIGKILL and restarted on the same data and port, the source's binary log connection killed on the server; DDL
 * (ADD COLUMN, CREATE TABLE, RENAME COLUMN, DROP COLUMN) runs in the stream between them. Once the load stops, the
 * destination must converge to the source ({@link CanonicalDump}: definitions and rows), and a second sink replaying
 * the topics from offset 0 into empty databases (docs/OPERATIONS.md, Replays (b)) must reach the same.
 * <p>
 * The fault schedule (which fault when, how long the worker or server stays down, where in the snapshot) comes from a
 * {@link Random} seeded with {@code -Dchaos.seed=N} or, without it, a fresh seed; the seed and every event (what was
 * killed, when, in which phase the sink was) are printed, one line each, so a failing run's log is its own report and
 * its schedule can be run again. The interleaving with the load and the connectors' threads is the machine's.
 */
class ChaosOnMariaDbAndMySqlKafkaConnectIT {

    static final String SEED_PROPERTY = "chaos.seed";
    private static final int CUSTOMERS = 2_500;
    private static final int ORDERS = 16_000; // two items each: 50,500 rows for the snapshot
    private static final long SNAPSHOT_RECORDS = CUSTOMERS + ORDERS + 2L * ORDERS;
    /** How long a recovery or a catch-up may take: generous, the machine is shared with other builds. */
    private static final Duration RECOVERY = Duration.ofSeconds(180);

    private final SharedStack stack = SharedStack.get();

    /** The stream's faults, in the order the seed shuffles them into; the DDL steps keep their own order. */
    private enum Fault {
        WORKER, DESTINATION, BINLOG, DDL
    }

    @ParameterizedTest
    @EnumSource(value = FlavourPair.class, names = {"MARIADB_TO_MARIADB", "MYSQL_TO_MYSQL"})
    void theDestinationConvergesThroughKilledWorkersDestinationAndBinlogConnectionAndAReplayFromTheStartToo(FlavourPair pair)
            throws Exception {
        long seed = Long.getLong(SEED_PROPERTY, new Random().nextLong());
        Random random = new Random(seed);
        SharedStack.ServerPair servers = stack.pair(pair);
        DatabaseServer source = servers.source();
        DatabaseServer destination = servers.destination();
        String db = "chaos_" + pair.tag();
        String replica = db + "_replica";
        EventLog events = new EventLog(pair);
        events.note("seed " + seed + " (run this schedule again with -D" + SEED_PROPERTY + "=" + seed + ")");

        for (DatabaseServer server : List.of(source, destination)) {
            server.execute("DROP DATABASE IF EXISTS " + db, "DROP DATABASE IF EXISTS " + replica,
                    "DROP DATABASE IF EXISTS mysql_migrate_" + replica);
        }
        seed(source, db);
        events.note("seeded " + db + ": " + SNAPSHOT_RECORDS + " rows in customers, orders, items");

        ChaosLoad load = ChaosLoad.start(source, db, random.nextLong(), CUSTOMERS, ORDERS);
        String replicaSink = "m-chaos-" + pair.tag() + "-replica-sink";
        try (Migration migration = new Migration(stack, servers, "m-chaos-" + pair.tag(), List.of(db))) {
            try {
                migration.start();

                // once during the snapshot, at a random point of the sink's progress through it
                long at = SNAPSHOT_RECORDS / 10 + (long) (random.nextDouble() * SNAPSHOT_RECORDS * 0.5);
                awaitSinkOffset(migration, at);
                String phase = events.sinkPhase(migration);
                killWorker(migration, events, random);
                assertFalse(phase.startsWith("incremental"), "the first worker kill came after the snapshot (sink at " + phase
                        + "): the snapshot is too short for this machine, seed more rows");

                migration.awaitSinkProgress(1, true, RECOVERY);
                events.note("the sink reached the stream");
                List<Fault> faults = new ArrayList<>(List.of(Fault.WORKER, Fault.WORKER, Fault.DESTINATION, Fault.BINLOG,
                        Fault.DDL, Fault.DDL, Fault.DDL, Fault.DDL));
                Collections.shuffle(faults, random);
                int ddl = 0;
                for (Fault fault : faults) {
                    pause(random, 300, 2500); // the load runs on between two faults
                    switch (fault) {
                        case WORKER -> killWorker(migration, events, random);
                        case DESTINATION -> killDestination(migration, destination, events, random);
                        case BINLOG -> killBinlogConnection(migration, source, events);
                        case DDL -> ddl(ddl++, source, db, load, migration, events);
                    }
                }
                pause(random, 500, 2000);
                long committed = load.stop();
                events.note("load stopped: " + committed + " transactions committed, " + load.failed() + " rolled back"
                        + (load.lastFailure() == null ? "" : " (last: " + load.lastFailure() + ")"));
                assertTrue(committed > 200, "the load ran: " + committed + " transactions");

                // a fence written after the last change: once the sink, which applies its one partition in order, has
                // applied it, it has applied everything before it, and the two databases must be equal at once
                long fence = random.nextLong();
                source.execute("REPLACE INTO " + db + ".fence VALUES (1, " + fence + ")");
                awaitFence(migration, migration.sink.name(), destination, db, fence);
                events.note("the fence reached the destination");
                assertSameDump(source, db, destination, db);
                events.note("the destination equals the source (definitions and rows)");

                // (b) of docs/OPERATIONS.md, Replays: a second sink, no stored state, from offset 0 into empty databases
                Map<String, String> config = new LinkedHashMap<>(migration.startedSink);
                config.put("name", replicaSink);
                config.put("name.mapping", db + "=" + replica);
                config.put("state.database", "mysql_migrate_" + replica);
                stack.rest().createOrUpdate(replicaSink, config);
                stack.rest().waitUntilRunning(replicaSink, Duration.ofSeconds(60));
                events.note("replay sink " + replicaSink + " started into " + replica);
                awaitFence(migration, replicaSink, destination, replica, fence);
                assertSameDump(source, db, destination, replica);
                events.note("the replay from offset 0 into " + replica + " equals the source");
            } finally {
                load.close();
                restoreHealth(destination); // before the connectors are deleted through the worker
            }
        } finally {
            deleteQuietly(replicaSink);
            events.print();
        }
    }

    /**
     * customers (primary key, unique e-mail), orders (foreign key to customers), items (composite key, cascade), and
     * fence, the one-row table the test writes last to know when the sink has applied everything.
     */
    private static void seed(DatabaseServer source, String db) {
        String digits = "(SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL "
                + "SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
        String numbers = "(SELECT 1 + a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d AS n FROM " + digits + " a, "
                + digits + " b, " + digits + " c, " + digits + " e, " + digits + " f) numbers";
        source.execute(
                "CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci",
                "USE " + db,
                "CREATE TABLE customers (id INT PRIMARY KEY, email VARCHAR(80) NOT NULL, name VARCHAR(40) NOT NULL, "
                        + "balance DECIMAL(12,2) NOT NULL, updated DATETIME(3) NULL, UNIQUE KEY uk_email (email))",
                "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id INT NOT NULL, amount DECIMAL(10,2) NOT NULL, "
                        + "status VARCHAR(12) NOT NULL, note VARCHAR(60) NULL, "
                        + "CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id))",
                "CREATE TABLE items (order_id BIGINT NOT NULL, line INT NOT NULL, sku VARCHAR(20) NOT NULL, qty INT NOT NULL, "
                        + "legacy VARCHAR(10) NULL, PRIMARY KEY (order_id, line), "
                        + "CONSTRAINT fk_items_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE)",
                "CREATE TABLE fence (id INT PRIMARY KEY, token BIGINT NOT NULL)",
                "INSERT INTO customers SELECT n, CONCAT('c', n, '@example.com'), CONCAT('customer ', n), n % 1000, NULL FROM "
                        + numbers + " WHERE n <= " + CUSTOMERS,
                "INSERT INTO orders SELECT n, 1 + n % " + CUSTOMERS + ", (n % 5000) / 100, 'new', CONCAT('seeded ', n) FROM "
                        + numbers + " WHERE n <= " + ORDERS,
                "INSERT INTO items SELECT id, 1, CONCAT('sku-', id % 500), 1 + id % 7, 'old' FROM orders",
                "INSERT INTO items SELECT id, 2, CONCAT('sku-', id % 300), 1 + id % 3, NULL FROM orders");
    }

    /** The stream's schema changes, in this order: ADD COLUMN, CREATE TABLE, RENAME COLUMN, DROP COLUMN. */
    private static void ddl(int step, DatabaseServer source, String db, ChaosLoad load, Migration migration, EventLog events) {
        String phase = events.sinkPhase(migration);
        switch (step) {
            case 0 -> {
                onSource(source, db, events, "ALTER TABLE customers ADD COLUMN tier TINYINT UNSIGNED NULL AFTER email",
                        "UPDATE customers SET tier = id % 4 WHERE id % 5 = 0");
                load.useTier();
                events.event(phase, "DDL", "ALTER TABLE customers ADD COLUMN tier (+ UPDATE of a fifth of the rows)");
            }
            case 1 -> {
                onSource(source, db, events, "CREATE TABLE shipments (id INT AUTO_INCREMENT PRIMARY KEY, order_id BIGINT NOT NULL, "
                        + "carrier VARCHAR(20) NOT NULL, UNIQUE KEY uk_order (order_id))",
                        "INSERT INTO shipments (order_id, carrier) SELECT id, 'post' FROM orders WHERE id % 50 = 0");
                load.useShipments();
                events.event(phase, "DDL", "CREATE TABLE shipments (+ INSERT ... SELECT); the load writes it from now on");
            }
            case 2 -> {
                onSource(source, db, events, "ALTER TABLE orders RENAME COLUMN note TO remark");
                events.event(phase, "DDL", "ALTER TABLE orders RENAME COLUMN note TO remark");
            }
            default -> {
                onSource(source, db, events, "ALTER TABLE items DROP COLUMN legacy");
                events.event(phase, "DDL", "ALTER TABLE items DROP COLUMN legacy");
            }
        }
    }

    /**
     * The test's own statements on the source, one at a time. A statement that waits out the source's lock wait timeout
     * behind the load is run again (at most 3 times), after the source's open transactions are printed: it is the
     * test's workload meeting itself, not the migration.
     */
    private static void onSource(DatabaseServer source, String db, EventLog events, String... statements) {
        for (String statement : statements) {
            for (int attempt = 1; ; attempt++) {
                try {
                    source.execute("USE " + db, statement);
                    break;
                } catch (io.mysqlmigrate.stack.StackException e) {
                    if (attempt >= 3 || e.getMessage() == null || !e.getMessage().contains("Lock wait timeout")) {
                        throw e;
                    }
                    events.event("", "source lock wait", statement + " timed out (attempt " + attempt + "); open transactions: "
                            + openTransactions(source));
                }
            }
        }
    }

    private static String openTransactions(DatabaseServer source) {
        try (Connection c = source.connect()) {
            return QueryRows.strings(c, "SELECT CONCAT(trx_mysql_thread_id, ' ', trx_state, ' since ', trx_started, ' ', "
                    + "COALESCE(trx_query, '')) FROM information_schema.INNODB_TRX").toString();
        } catch (SQLException e) {
            return "(cannot read: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL of the worker: no graceful stop, no final offset commit; restarted after a random outage. */
    private void killWorker(Migration migration, EventLog events, Random random) throws InterruptedException {
        String phase = events.sinkPhase(migration);
        long pid = stack.worker().pid();
        stack.worker().kill();
        long down = pause(random, 200, 2500);
        long started = System.nanoTime();
        stack.worker().restart();
        stack.rest().waitUntilRunning(migration.source.name(), RECOVERY);
        stack.rest().waitUntilRunning(migration.sink.name(), RECOVERY);
        events.event(phase, "kill -9 Connect worker", "pid " + pid + ", down " + down + " ms, connectors RUNNING again "
                + millisSince(started) + " ms after the restart began");
    }

    /** SIGKILL of the destination server, restarted on the same data directory and port after a random outage. */
    private static void killDestination(Migration migration, DatabaseServer destination, EventLog events, Random random)
            throws InterruptedException {
        String phase = events.sinkPhase(migration);
        String pid = destination instanceof ManagedServer managed ? Long.toString(managed.pid()) : "?";
        destination.kill();
        long down = pause(random, 200, 3000);
        long started = System.nanoTime();
        destination.restart();
        events.event(phase, "kill -9 destination " + destination.name(), "pid " + pid + ", down " + down + " ms, accepting "
                + "connections again " + millisSince(started) + " ms after the restart began");
    }

    /** KILL of the Binlog Dump thread(s) of the connector's account on the source; waits until one runs to kill. */
    private static void killBinlogConnection(Migration migration, DatabaseServer source, EventLog events) {
        String phase = events.sinkPhase(migration);
        List<String> killed = new ArrayList<>();
        Awaitility.await("a Binlog Dump thread of " + source.user() + " on " + source.name())
                .atMost(RECOVERY).pollInterval(Duration.ofMillis(200)).until(() -> {
                    try (Connection c = source.connect(); Statement st = c.createStatement()) {
                        for (String id : QueryRows.strings(c, "SELECT ID FROM information_schema.PROCESSLIST WHERE COMMAND IN "
                                + "('Binlog Dump', 'Binlog Dump GTID') AND USER = '" + source.user() + "'")) {
                            st.execute("KILL " + id);
                            killed.add(id);
                        }
                    }
                    return !killed.isEmpty();
                });
        events.event(phase, "KILL binlog connection on " + source.name(), "Binlog Dump thread(s) " + killed);
    }

    /** Waits until {@code connector} has applied the fence row with {@code token}; fails at once on a failed task. */
    private void awaitFence(Migration migration, String connector, DatabaseServer destination, String db, long token) {
        try {
            awaitFenceOrTimeOut(migration, connector, destination, db, token);
        } catch (ConditionTimeoutException e) {
            String[] progress = sinkProgress(migration);
            throw new AssertionError(e.getMessage() + "; the sink " + migration.sink.name() + " stands at "
                    + (progress == null ? "nothing stored" : progress[1] + "@" + progress[0]) + "; " + stack.rest().status(connector)
                    + " " + stack.rest().status(migration.source.name()), e);
        }
    }

    private void awaitFenceOrTimeOut(Migration migration, String connector, DatabaseServer destination, String db, long token) {
        Awaitility.await("the fence " + token + " in " + db + ".fence on " + destination.name() + ", applied by " + connector)
                .atMost(RECOVERY).pollInterval(Duration.ofMillis(500)).until(() -> {
                    for (String c : List.of(migration.source.name(), migration.sink.name(), connector)) {
                        var status = stack.rest().status(c);
                        if (!status.failedTasks().isEmpty()) {
                            throw new IllegalStateException(c + " has a failed task: " + status.failedTasks().get(0).trace());
                        }
                    }
                    try (Connection d = destination.connect()) {
                        return QueryRows.strings(d, "SELECT token FROM " + db + ".fence WHERE id = 1").equals(List.of(Long.toString(token)));
                    } catch (SQLException notYet) {
                        return false; // the database or table is not created yet
                    }
                });
    }

    /** Asserts that both databases hold the same definitions and rows ({@link CanonicalDump}). */
    private static void assertSameDump(DatabaseServer sourceServer, String sourceDb, DatabaseServer destinationServer,
            String destinationDb) throws SQLException {
        try (Connection s = sourceServer.connect(); Connection d = destinationServer.connect()) {
            List<String> differences = CanonicalDump.differences(CanonicalDump.of(s, sourceDb, Set.of(), true, Set.of(), c -> c),
                    CanonicalDump.of(d, destinationDb, Set.of(), true, Set.of(), c -> c));
            assertEquals("", String.join("\n", differences), destinationDb + " on " + destinationServer.name() + " differs from "
                    + sourceDb + " on " + sourceServer.name());
        }
    }

    private static void awaitSinkOffset(Migration migration, long offset) {
        Awaitility.await("the sink " + migration.sink.name() + " at offset " + offset)
                .atMost(RECOVERY).pollInterval(Duration.ofMillis(100)).until(() -> {
                    migration.assertConnectorsHealthy();
                    String[] progress = sinkProgress(migration);
                    return progress != null && Long.parseLong(progress[0]) >= offset;
                });
    }

    /** next_offset and phase of the sink's partition, from its state in the destination; null when none is stored yet. */
    private static String[] sinkProgress(Migration migration) {
        try (Connection d = migration.destinationServer.connect();
             PreparedStatement ps = d.prepareStatement("SELECT next_offset, phase FROM mysql_migrate.sink_offsets WHERE connector = ?")) {
            ps.setString(1, migration.sink.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
            }
        } catch (SQLException notYet) {
            return null;
        }
    }

    /** Back to a healthy shared stack for the next tests: the worker and the destination running. */
    private void restoreHealth(DatabaseServer destination) {
        if (!stack.worker().isRunning()) {
            stack.worker().restart();
        }
        if (!destination.isRunning()) {
            destination.restart();
        }
    }

    private void deleteQuietly(String connector) {
        try {
            stack.rest().delete(connector);
        } catch (RuntimeException e) {
            System.out.println("[chaos] could not delete " + connector + ": " + e);
        }
    }

    /** A random pause of the fault schedule (not a wait for a condition): how long a fault lasts, or the gap between two. */
    private static long pause(Random random, int minMillis, int maxMillis) throws InterruptedException {
        long millis = minMillis + random.nextInt(maxMillis - minMillis);
        Thread.sleep(millis);
        return millis;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** The run's events, printed as they happen and again as one table at the end. */
    private static final class EventLog {
        private final FlavourPair pair;
        private final long start = System.nanoTime();
        private final List<String> lines = new ArrayList<>();

        EventLog(FlavourPair pair) {
            this.pair = pair;
        }

        /** The sink's phase and next offset as its state in the destination says, e.g. {@code snapshot@41234}. */
        String sinkPhase(Migration migration) {
            String[] progress = sinkProgress(migration);
            return progress == null ? "(not readable)" : progress[1] + "@" + progress[0];
        }

        void event(String phase, String what, String detail) {
            add(String.format("%-22s | %-40s | %s", phase, what, detail));
        }

        void note(String text) {
            add(String.format("%-22s | %s", "", text));
        }

        private synchronized void add(String text) {
            String line = String.format("[chaos %s] %7.1f s | %s", pair, (System.nanoTime() - start) / 1e9, text);
            lines.add(line);
            System.out.println(line);
        }

        synchronized void print() {
            System.out.println("[chaos " + pair + "] event table (" + lines.size() + " lines, " + millisSince(start) / 1000
                    + " s in all):");
            lines.forEach(System.out::println);
        }
    }
}
