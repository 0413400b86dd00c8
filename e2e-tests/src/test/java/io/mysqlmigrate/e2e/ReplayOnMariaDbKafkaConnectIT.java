package io.mysqlmigrate.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.precheck.verify.DatabaseComparator;
import io.mysqlmigrate.precheck.verify.TableChecksum;
import io.mysqlmigrate.precheck.verify.TableComparison;
import io.mysqlmigrate.stack.ConnectRestException;
import io.mysqlmigrate.stack.SharedStack;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Operators replaying a sink, through the real stack and Connect's REST API (docs/OPERATIONS.md, Replays): offsets
 * reset to the beginning (DELETE /offsets on the stopped sink) or moved to a point in time (PATCH /offsets with Kafka's
 * offset for a timestamp), replayed without effect; a second sink re-applying the topics from the start into empty
 * databases; a destination restored from an earlier backup (its stored offsets and DDL journal come back with it),
 * brought forward from them or replayed from an earlier offset. Each must converge to the source without a task error,
 * and a replay must never show an older value of a row than the destination already had. Replays that cannot converge
 * (offsets deleted by hand while the journal is kept, records deleted below the log start) fail the task at once.
 */
class ReplayOnMariaDbKafkaConnectIT {

    private final SharedStack stack = SharedStack.get();

    @Test
    void offsetsResetToTheBeginningReplayWithoutErrorsAndNoRowGoesBackInTime() throws Exception {
        String db = "replay_reset";
        stack.source().execute("CREATE DATABASE " + db, "USE " + db,
                "CREATE TABLE counter (id INT PRIMARY KEY, v INT NOT NULL)", "INSERT INTO counter VALUES (1, 0)",
                "CREATE TABLE t (id INT PRIMARY KEY, a INT, b VARCHAR(10))",
                "INSERT INTO t SELECT seq, seq, 'b' FROM " + db + ".seq_1_to_500");
        try (Migration migration = new Migration(stack, "m-replay-reset", List.of(db))) {
            migration.start();
            migration.awaitSinkProgress(1, false, Duration.ofSeconds(120));
            List<String> history = new ArrayList<>(List.of("USE " + db));
            for (int i = 0; i < 60; i++) {
                history.add("UPDATE counter SET v = v + 1 WHERE id = 1");
                if (i == 30) {
                    // row images before this no longer fit the table: re-applying them would fail
                    history.add("ALTER TABLE t DROP COLUMN b");
                }
                history.add("INSERT INTO t VALUES (" + (1000 + i) + ", " + i + (i < 30 ? ", 'x')" : ")"));
            }
            stack.source().execute(history.toArray(String[]::new));
            migration.awaitIdentical(Duration.ofSeconds(90));
            long reached = nextOffset(migration);

            stack.rest().stop(migration.sink.name());
            awaitState(migration.sink.name(), "STOPPED");
            stack.rest().resetOffsets(migration.sink.name());
            assertEquals(List.of(0L, reached), progressRow(migration), "next_offset back at the beginning, replay_until where it was");

            try (CounterWatch watch = new CounterWatch(db)) {
                stack.rest().resume(migration.sink.name());
                stack.source().execute("USE " + db, "UPDATE counter SET v = v + 1 WHERE id = 1", "INSERT INTO t VALUES (2000, 1)");
                migration.awaitIdentical(Duration.ofSeconds(90));
                assertTrue(nextOffset(migration) > reached, "the sink went past the replayed range");
                assertEquals(null, watch.wentBack.get(), "a row went back in time during the replay");
            }
        }
    }

    @Test
    void aDestinationRestoredFromAnEarlierBackupIsBroughtForwardFromTheOffsetsInIt() throws Exception {
        String db = "replay_restore";
        String backup = db + "_backup";
        stack.source().execute("CREATE DATABASE " + db, "USE " + db,
                "CREATE TABLE t (id INT PRIMARY KEY, a INT, b VARCHAR(10))",
                "INSERT INTO t SELECT seq, seq, 'b' FROM " + db + ".seq_1_to_300",
                "CREATE TABLE gone (id INT PRIMARY KEY)", "INSERT INTO gone VALUES (1)");
        try (Migration migration = new Migration(stack, "m-replay-restore", List.of(db))) {
            migration.start();
            migration.awaitSinkProgress(1, false, Duration.ofSeconds(120));
            stack.source().execute("UPDATE " + db + ".t SET a = a + 1 WHERE id <= 10");
            migration.awaitIdentical(Duration.ofSeconds(90));

            stack.rest().stop(migration.sink.name());
            awaitState(migration.sink.name(), "STOPPED");
            try (Connection d = stack.destination().connect()) {
                copy(d, migration, db, backup, List.of("t", "gone"));
            }
            stack.rest().resume(migration.sink.name());
            stack.source().execute("USE " + db,
                    "ALTER TABLE t ADD COLUMN c INT NULL",
                    "UPDATE t SET c = id * 2 WHERE id % 3 = 0",
                    "DELETE FROM t WHERE id BETWEEN 100 AND 150",
                    "ALTER TABLE t DROP COLUMN b",
                    "INSERT INTO t VALUES (1000, 1, 2)",
                    "DROP TABLE gone",
                    "CREATE TABLE fresh (id INT PRIMARY KEY)", "INSERT INTO fresh VALUES (7)");
            migration.awaitIdentical(Duration.ofSeconds(90));

            stack.rest().stop(migration.sink.name());
            awaitState(migration.sink.name(), "STOPPED");
            try (Connection d = stack.destination().connect(); Statement st = d.createStatement()) {
                st.execute("DROP DATABASE " + db);
                copy(d, migration, backup, db, List.of("t", "gone")); // the restore: data, offsets and journal of then
            }
            stack.rest().resume(migration.sink.name());
            var tables = migration.awaitIdentical(Duration.ofSeconds(90));
            assertEquals(List.of("fresh", "t"), tables.stream().map(tc -> tc.table()).toList());
        }
    }

    @Test
    void offsetsMovedToATimestampReplayFromThereWithoutHarm() throws Exception {
        String db = "replay_time";
        stack.source().execute("CREATE DATABASE " + db, "USE " + db, "CREATE TABLE t (id INT PRIMARY KEY, v INT NOT NULL)",
                "INSERT INTO t SELECT seq, 0 FROM " + db + ".seq_1_to_100");
        try (Migration migration = new Migration(stack, "m-replay-time", List.of(db))) {
            migration.start();
            migration.awaitSinkProgress(1, false, Duration.ofSeconds(120));
            stack.source().execute("UPDATE " + db + ".t SET v = v + 1 WHERE id <= 50", "UPDATE " + db + ".t SET v = v + 1 WHERE id > 50");
            migration.awaitIdentical(Duration.ofSeconds(90));
            // Not a wait for the system: binlog times have whole seconds, so the chosen moment must lie a full second
            // after the updates above and a full second before the changes below for its offset to split them.
            Thread.sleep(1100);
            long at = System.currentTimeMillis();
            Thread.sleep(1100); // the other side of the chosen moment, as above
            stack.source().execute("USE " + db, "ALTER TABLE t ADD COLUMN w INT NULL", "UPDATE t SET w = id, v = v + 1",
                    "ALTER TABLE t DROP COLUMN w", "DELETE FROM t WHERE id > 90");
            migration.awaitIdentical(Duration.ofSeconds(90));
            long reached = nextOffset(migration);

            stack.rest().stop(migration.sink.name());
            awaitState(migration.sink.name(), "STOPPED");
            TopicPartition tp = new TopicPartition(migration.name + "." + db, 0);
            long offset;
            Properties admin = new Properties();
            admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers());
            try (Admin kafka = Admin.create(admin)) { // the operator's step: Kafka's offset for a point in time
                offset = kafka.listOffsets(Map.of(tp, OffsetSpec.forTimestamp(at))).partitionResult(tp).get().offset();
            }
            assertTrue(offset > 0 && offset < reached, "offset " + offset + " for the timestamp, sink at " + reached);
            stack.rest().alterSinkOffsets(migration.sink.name(), Map.of(tp, offset));
            assertEquals(List.of(offset, reached), progressRow(migration));

            stack.rest().resume(migration.sink.name());
            stack.source().execute("UPDATE " + db + ".t SET v = v + 10 WHERE id = 1");
            migration.awaitIdentical(Duration.ofSeconds(90));
            assertTrue(nextOffset(migration) > reached, "the sink went past the replayed range");
        }
    }

    @Test
    void aSecondSinkReplaysTheTopicsFromTheStartIntoAnEmptyDestinationAndConverges() throws Exception {
        String db = "replay_fresh";
        String replica = db + "_replica";
        stack.source().execute("CREATE DATABASE " + db, "USE " + db,
                "CREATE TABLE a (id INT PRIMARY KEY, v INT NOT NULL, note VARCHAR(20))",
                "INSERT INTO a SELECT seq, seq, 'n' FROM " + db + ".seq_1_to_400",
                "CREATE TABLE b (id INT PRIMARY KEY, x VARCHAR(10))", "INSERT INTO b VALUES (1, 'one'), (2, 'two')");
        try (Migration migration = new Migration(stack, "m-replay-fresh", List.of(db))) {
            migration.start();
            migration.awaitSinkProgress(1, false, Duration.ofSeconds(120));
            stack.source().execute("USE " + db,
                    "UPDATE a SET v = v * 2 WHERE id <= 100",
                    "ALTER TABLE a ADD COLUMN c INT NULL",
                    "UPDATE a SET c = id WHERE id % 7 = 0",
                    "RENAME TABLE b TO b2",
                    "INSERT INTO b2 VALUES (3, 'three')",
                    "ALTER TABLE b2 ADD COLUMN y INT NOT NULL DEFAULT 5, DROP COLUMN x",
                    "UPDATE b2 SET y = id * 10 WHERE id > 1",
                    "DELETE FROM a WHERE id BETWEEN 200 AND 260",
                    "ALTER TABLE a DROP COLUMN note",
                    "CREATE TABLE later (id INT PRIMARY KEY)", "INSERT INTO later VALUES (9)");
            migration.awaitIdentical(Duration.ofSeconds(90));

            // a second sink, with a name of its own (so no stored state and no consumer group), into empty databases
            String replicaSink = migration.name + "-replica-sink";
            Map<String, String> config = new java.util.LinkedHashMap<>(migration.sink.config());
            config.put("name", replicaSink);
            config.put("name.mapping", db + "=" + replica);
            config.put("state.database", "mysql_migrate_replica");
            try {
                stack.rest().createOrUpdate(replicaSink, config);
                stack.rest().waitUntilRunning(replicaSink, Duration.ofSeconds(60));
                awaitReplicaIdentical(migration, replicaSink, db, replica, List.of("a", "b2", "later"));
                stack.source().execute("USE " + db, "UPDATE b2 SET y = 0", "INSERT INTO later VALUES (10)");
                awaitReplicaIdentical(migration, replicaSink, db, replica, List.of("a", "b2", "later"));
                migration.awaitIdentical(Duration.ofSeconds(90)); // the first sink, untouched, keeps going
            } finally {
                stack.rest().delete(replicaSink);
            }
        }
    }

    @Test
    void offsetsRemovedByHandWhileTheJournalIsKeptFailTheTaskAtOnceNamingTheFix() throws Exception {
        String db = "replay_refused";
        stack.source().execute("CREATE DATABASE " + db, "USE " + db, "CREATE TABLE t (id INT PRIMARY KEY, v INT)",
                "INSERT INTO t SELECT seq, seq FROM " + db + ".seq_1_to_50");
        try (Migration migration = new Migration(stack, "m-replay-refused", List.of(db))) {
            migration.start();
            migration.awaitSinkProgress(1, false, Duration.ofSeconds(120));
            stack.source().execute("USE " + db, "RENAME TABLE t TO t2", "INSERT INTO t2 VALUES (100, 100)");
            migration.awaitIdentical(Duration.ofSeconds(90));

            String sink = migration.sink.name();
            stack.rest().stop(sink);
            awaitState(sink, "STOPPED");
            try (Connection d = stack.destination().connect();
                 PreparedStatement ps = d.prepareStatement("DELETE FROM mysql_migrate.sink_offsets WHERE connector = ?")) {
                ps.setString(1, sink); // by hand, keeping the journal: what the issue saw stall on the renamed table
                assertEquals(1, ps.executeUpdate());
            }
            stack.rest().resetOffsets(sink);
            long resumed = System.nanoTime();
            stack.rest().resume(sink);
            String trace = awaitFailedTask(sink, Duration.ofSeconds(60));
            long seconds = Duration.ofNanos(System.nanoTime() - resumed).toSeconds();
            assertTrue(seconds < 60, "failed after " + seconds + " s");
            String topic = migration.name + "." + db;
            assertTrue(trace.contains("Refusing to start topic '" + topic + "' partition 0 for connector '" + sink + "'"), trace);
            assertTrue(trace.contains("mysql_migrate.sink_offsets holds no offsets for it"), trace);
            assertTrue(trace.contains("RENAME TABLE"), trace);
            assertTrue(trace.contains("DELETE FROM mysql_migrate.applied_ddl WHERE connector = '" + sink + "'"), trace);
            migration.awaitDestinationRows("SELECT COUNT(*) FROM " + db + ".t2", List.of("51"));

            // the fix the message names: drop the destination database and the sink's state, reset, resume
            stack.rest().stop(sink);
            awaitState(sink, "STOPPED");
            try (Connection d = stack.destination().connect(); Statement st = d.createStatement()) {
                st.execute("DROP DATABASE " + db);
                String where = " WHERE connector = '" + sink + "' AND topic = '" + topic + "' AND kafka_partition = 0";
                st.execute("DELETE FROM mysql_migrate.applied_ddl" + where);
                st.execute("DELETE FROM mysql_migrate.sink_offsets" + where);
            }
            stack.rest().resetOffsets(sink);
            stack.rest().resume(sink);
            stack.rest().waitUntilRunning(sink, Duration.ofSeconds(60));
            var tables = migration.awaitIdentical(Duration.ofSeconds(90));
            assertEquals(List.of("t2"), tables.stream().map(tc -> tc.table()).toList());
        }
    }

    @Test
    void aDestinationRestoredFromABackupIsReplayedFromAnEarlierOffsetAcrossARename() throws Exception {
        String db = "replay_restore_back";
        String backup = db + "_backup";
        stack.source().execute("CREATE DATABASE " + db, "USE " + db,
                "CREATE TABLE t (id INT PRIMARY KEY, a INT)", "INSERT INTO t SELECT seq, seq FROM " + db + ".seq_1_to_200",
                "CREATE TABLE u (id INT PRIMARY KEY, s VARCHAR(10))", "INSERT INTO u VALUES (1, 'a'), (2, 'b')");
        try (Migration migration = new Migration(stack, "m-replay-restore-back", List.of(db))) {
            migration.start();
            migration.awaitSinkProgress(1, false, Duration.ofSeconds(120));
            stack.source().execute("USE " + db, "UPDATE t SET a = a + 1 WHERE id <= 20", "UPDATE u SET s = 'c' WHERE id = 2");
            migration.awaitIdentical(Duration.ofSeconds(90));

            String sink = migration.sink.name();
            stack.rest().stop(sink);
            awaitState(sink, "STOPPED");
            long backupAt;
            try (Connection d = stack.destination().connect()) {
                copy(d, migration, db, backup, List.of("t", "u"));
            }
            backupAt = nextOffset(migration);
            stack.rest().resume(sink);
            stack.source().execute("USE " + db,
                    "RENAME TABLE u TO u2",
                    "INSERT INTO u2 VALUES (3, 'd')",
                    "ALTER TABLE t ADD COLUMN b INT NULL",
                    "UPDATE t SET b = a * 2 WHERE id % 2 = 0",
                    "DELETE FROM t WHERE id > 180");
            migration.awaitIdentical(Duration.ofSeconds(90));
            long reached = nextOffset(migration);

            stack.rest().stop(sink);
            awaitState(sink, "STOPPED");
            try (Connection d = stack.destination().connect(); Statement st = d.createStatement()) {
                st.execute("DROP DATABASE " + db);
                copy(d, migration, backup, db, List.of("t", "u")); // the restore: data, offsets and journal of then
            }
            assertEquals(backupAt, nextOffset(migration), "the restored state says where the backup stands");
            // the operator replays from an earlier offset than the backup's: up to the backup nothing takes effect again
            long from = backupAt / 2;
            TopicPartition tp = new TopicPartition(migration.name + "." + db, 0);
            stack.rest().alterSinkOffsets(sink, Map.of(tp, from));
            assertEquals(List.of(from, backupAt), progressRow(migration));
            stack.rest().resume(sink);
            var tables = migration.awaitIdentical(Duration.ofSeconds(90));
            assertEquals(List.of("t", "u2"), tables.stream().map(tc -> tc.table()).toList());
            assertTrue(nextOffset(migration) >= reached, "the sink is back where it had got");
        }
    }

    @Test
    void aReplayFromRecordsRetentionDeletedIsRefusedBeforeAnythingIsApplied() throws Exception {
        String db = "replay_gone";
        String replica = db + "_replica";
        stack.source().execute("CREATE DATABASE " + db, "USE " + db, "CREATE TABLE t (id INT PRIMARY KEY, v INT)",
                "INSERT INTO t SELECT seq, seq FROM " + db + ".seq_1_to_100");
        try (Migration migration = new Migration(stack, "m-replay-gone", List.of(db))) {
            migration.start();
            migration.awaitSinkProgress(1, false, Duration.ofSeconds(120));
            stack.source().execute("USE " + db, "UPDATE t SET v = v + 1", "ALTER TABLE t ADD COLUMN w INT NULL");
            migration.awaitIdentical(Duration.ofSeconds(90));

            TopicPartition tp = new TopicPartition(migration.name + "." + db, 0);
            long logStart = 5;
            Properties admin = new Properties();
            admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers());
            try (Admin kafka = Admin.create(admin)) { // what retention does: the records below the log start are gone
                kafka.deleteRecords(Map.of(tp, RecordsToDelete.beforeOffset(logStart))).all().get();
            }
            String replicaSink = migration.name + "-replica-sink";
            Map<String, String> config = new java.util.LinkedHashMap<>(migration.sink.config());
            config.put("name", replicaSink);
            config.put("name.mapping", db + "=" + replica);
            config.put("state.database", "mysql_migrate_replica");
            try {
                stack.rest().createOrUpdate(replicaSink, config);
                String trace = awaitFailedTask(replicaSink, Duration.ofSeconds(60));
                assertTrue(trace.contains("Refusing to apply topic '" + tp.topic() + "' partition 0 for connector '" + replicaSink + "'"), trace);
                assertTrue(trace.contains("the first one Kafka delivered is at offset " + logStart), trace);
                assertTrue(trace.contains("leave out offsets 0 to " + (logStart - 1)), trace);
                try (Connection d = stack.destination().connect()) {
                    assertEquals(List.of(), DatabaseComparator.baseTables(d, replica), "nothing was applied");
                }
            } finally {
                stack.rest().delete(replicaSink);
            }
            migration.awaitIdentical(Duration.ofSeconds(30)); // the migration's own sink, past the log start, goes on
        }
    }

    /** Copies the tables and this sink's rows of the state tables from one database to another (replacing them). */
    private static void copy(Connection d, Migration migration, String from, String to, List<String> tables) throws SQLException {
        try (Statement st = d.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS " + to);
            for (String t : tables) {
                st.execute("DROP TABLE IF EXISTS " + to + "." + t);
                st.execute("CREATE TABLE " + to + "." + t + " LIKE " + from + "." + t);
                st.execute("INSERT INTO " + to + "." + t + " SELECT * FROM " + from + "." + t);
            }
            for (String state : List.of("sink_offsets", "applied_ddl")) {
                String source = from.endsWith("_backup") ? from + "." + state : "mysql_migrate." + state;
                String target = from.endsWith("_backup") ? "mysql_migrate." + state : to + "." + state;
                if (!from.endsWith("_backup")) {
                    st.execute("DROP TABLE IF EXISTS " + target);
                    st.execute("CREATE TABLE " + target + " LIKE " + source);
                }
                try (PreparedStatement del = d.prepareStatement("DELETE FROM " + target + " WHERE connector = ?");
                     PreparedStatement ins = d.prepareStatement("INSERT INTO " + target + " SELECT * FROM " + source + " WHERE connector = ?")) {
                    del.setString(1, migration.sink.name());
                    del.executeUpdate();
                    ins.setString(1, migration.sink.name());
                    ins.executeUpdate();
                }
            }
        }
    }

    private long nextOffset(Migration migration) throws SQLException {
        return progressRow(migration).get(0);
    }

    /** next_offset and replay_until of the sink's only partition. */
    private List<Long> progressRow(Migration migration) throws SQLException {
        try (Connection d = stack.destination().connect();
             PreparedStatement ps = d.prepareStatement("SELECT next_offset, replay_until FROM mysql_migrate.sink_offsets WHERE connector = ?")) {
            ps.setString(1, migration.sink.name());
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "no progress stored for " + migration.sink.name());
                long next = rs.getLong(1);
                long until = rs.getLong(2);
                return rs.wasNull() ? java.util.Arrays.asList(next, null) : List.of(next, until);
            }
        }
    }

    /** Waits until the replica databases hold exactly the source's tables, compared table by table; fails with the differences. */
    private void awaitReplicaIdentical(Migration migration, String replicaSink, String db, String replica, List<String> expected) {
        migration.awaiting("the replica " + replica + " identical to " + db, Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .failFast("a connector has a failed task", Migration.afterFirstLook(() -> { // replaces the migration's own check
                    var status = stack.rest().status(replicaSink);
                    if (!status.failedTasks().isEmpty()) {
                        throw new AssertionError(replicaSink + " failed: " + status.failedTasks().get(0).trace());
                    }
                    migration.assertConnectorsHealthy();
                }))
                .untilAsserted(() -> {
                    String differences;
                    try (Connection s = stack.source().connect(); Connection d = stack.destination().connect()) {
                        differences = differences(s, d, db, replica, expected);
                    } catch (SQLException notYet) {
                        differences = notYet.getMessage();
                    }
                    assertEquals("", differences, "The replica " + replica + " still differs from " + db);
                });
    }

    private static String differences(Connection s, Connection d, String db, String replica, List<String> expected)
            throws SQLException {
        List<String> sourceTables = DatabaseComparator.baseTables(s, db);
        List<String> replicaTables = DatabaseComparator.baseTables(d, replica);
        StringBuilder differences = new StringBuilder();
        if (!sourceTables.equals(expected) || !replicaTables.equals(expected)) {
            differences.append("tables: source ").append(sourceTables).append(", replica ").append(replicaTables);
        } else {
            for (String t : expected) {
                TableComparison c = new TableComparison(db, t, TableChecksum.of(s, db, t).orElse(null),
                        TableChecksum.of(d, replica, t).orElse(null));
                if (!c.matches()) {
                    differences.append(c.describe()).append("; ");
                }
            }
        }
        return differences.toString();
    }

    /** Waits until a task of the connector has failed; returns its trace. */
    private String awaitFailedTask(String connector, Duration timeout) {
        return await(connector + " has a failed task").atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    try {
                        var failed = stack.rest().status(connector).failedTasks();
                        return failed.isEmpty() ? null : failed.get(0).trace();
                    } catch (ConnectRestException notYet) {
                        return null; // a connector just created has no status for a moment
                    }
                }, trace -> trace != null);
    }

    private void awaitState(String connector, String state) {
        await(connector + " reaches " + state).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> stack.rest().status(connector).state(), actual -> assertEquals(state, actual));
    }

    /** Polls the destination's counter row and remembers the first time it showed a smaller value than before. */
    private final class CounterWatch implements AutoCloseable {
        final AtomicReference<String> wentBack = new AtomicReference<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        CounterWatch(String db) {
            thread = new Thread(() -> {
                int highest = Integer.MIN_VALUE;
                try (Connection d = stack.destination().connect();
                     PreparedStatement ps = d.prepareStatement("SELECT v FROM " + db + ".counter WHERE id = 1")) {
                    while (running.get()) {
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                int v = rs.getInt(1);
                                if (v < highest && wentBack.get() == null) {
                                    wentBack.set("counter.v went from " + highest + " back to " + v);
                                }
                                highest = Math.max(highest, v);
                            }
                        }
                        Thread.sleep(5); // the sampling rate of this watcher, not a wait for the system
                    }
                } catch (SQLException | InterruptedException e) {
                    wentBack.compareAndSet(null, "watch failed: " + e);
                }
            }, "counter-watch");
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(5000);
        }
    }
}
