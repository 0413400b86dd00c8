package io.mysqlmigrate.sink;

import static io.mysqlmigrate.sink.SinkTaskOnDestination.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.sink.retry.ApplyException;
import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.SharedStack;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sink task against a real MariaDB destination (started by the harness), fed with records shaped as Debezium
 * writes them. Kafka itself is exercised by the end-to-end tests; here each test uses its own database and
 * connector name.
 */
class MigrationSinkTaskOnMariaDbIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Schema ITEM_V1 = SchemaBuilder.struct().optional().field("id", Schema.INT32_SCHEMA)
            .field("name", Schema.OPTIONAL_STRING_SCHEMA).build();
    private static final Schema ITEM_V2 = SchemaBuilder.struct().optional().field("id", Schema.INT32_SCHEMA)
            .field("name", Schema.OPTIONAL_STRING_SCHEMA).field("qty", Schema.OPTIONAL_INT32_SCHEMA).build();

    private MariaDbServer destination;
    private String db;
    private String connectorName;
    private String topic;
    private DebeziumEvents events;
    private SinkTaskOnDestination sink;

    @BeforeEach
    void setUp() {
        destination = SharedStack.databasesOnly().destination();
        int n = SEQUENCE.incrementAndGet();
        db = "sinkit_" + n + "_" + System.nanoTime() % 100000;
        connectorName = "sink-it-" + db;
        topic = "it." + db;
        events = new DebeziumEvents(topic, db);
        sink = new SinkTaskOnDestination(destination, connectorName, topic);
    }

    private MigrationSinkTask startTask(RecordingSinkTaskContext context, String... settings) {
        String[] all = new String[settings.length + 2];
        all[0] = MigrationSinkConfig.BATCH_MAX_ROWS;
        all[1] = "3";
        System.arraycopy(settings, 0, all, 2, settings.length);
        return sink.start(context, all);
    }

    private long count(String sql) throws SQLException {
        return sink.count(sql);
    }

    private String string(String sql) throws SQLException {
        return sink.string(sql);
    }

    private List<SinkRecord> snapshotOfItems() {
        List<SinkRecord> r = new ArrayList<>();
        r.add(events.ddl(true, "DROP TABLE IF EXISTS `" + db + "`.`items`", "DROP", "items"));
        r.add(events.ddl(true, "DROP DATABASE IF EXISTS `" + db + "`", "DROP", null));
        r.add(events.ddl(true, "CREATE DATABASE `" + db + "` CHARSET utf8mb4", null, null));
        r.add(events.ddl(true, "CREATE TABLE `items` (`id` int NOT NULL, `name` varchar(20) DEFAULT NULL, PRIMARY KEY (`id`))",
                "CREATE", "items", "id", "name"));
        for (int i = 1; i <= 7; i++) {
            r.add(events.row("r", "items", ITEM_V1, null, item(i, "n" + i), "id"));
        }
        return r;
    }

    private static Map<String, Object> item(int id, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        return m;
    }

    @Test
    void snapshotCreatesTheTableWithoutReplayingItsDropsAndLoadsTheRows() throws SQLException {
        destination.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".keep_me (id INT PRIMARY KEY)");
        MigrationSinkTask task = startTask(new RecordingSinkTaskContext());
        deliver(task, snapshotOfItems());
        task.stop();
        assertEquals(7, count("SELECT COUNT(*) FROM " + db + ".items"));
        assertEquals(0, count("SELECT COUNT(*) FROM " + db + ".keep_me"), "the database was not dropped");
        assertEquals(events.nextOffset(), storedNextOffset());
    }

    @Test
    void aRestartedTaskSeeksToTheOffsetStoredInTheDestinationAndReplaysNothingTwice() throws SQLException {
        List<SinkRecord> snapshot = snapshotOfItems();
        MigrationSinkTask first = startTask(new RecordingSinkTaskContext());
        deliver(first, snapshot);
        first.stop();

        RecordingSinkTaskContext context = new RecordingSinkTaskContext();
        MigrationSinkTask second = startTask(context);
        assertEquals(events.nextOffset(), context.seeks.get(new TopicPartition(topic, 0)));
        deliver(second, snapshot); // a redelivery of everything: skipped by offset
        SinkRecord update = events.row("u", "items", ITEM_V1, item(1, "n1"), item(1, "changed"), "id");
        deliver(second, List.of(update));
        deliver(second, List.of(update)); // a redelivery of the same update
        second.stop();
        assertEquals(7, count("SELECT COUNT(*) FROM " + db + ".items"));
        assertEquals("changed", string("SELECT name FROM " + db + ".items WHERE id = 1"));
    }

    @Test
    void oneBatchOfInterleavedChangesToTheSameRowsEndsAsTheSourceDid() throws SQLException {
        MigrationSinkTask task = startTask(new RecordingSinkTaskContext(), MigrationSinkConfig.BATCH_MAX_ROWS, "1000");
        List<SinkRecord> batch = new ArrayList<>(snapshotOfItems());
        batch.add(events.ddl(false, "CREATE TABLE acct (id INT PRIMARY KEY, name VARCHAR(20), UNIQUE KEY uk_name (name))",
                "CREATE", "acct", "id", "name"));
        for (int i = 1; i <= 6; i++) {
            batch.add(events.row("c", "acct", ITEM_V1, null, item(i, "a" + i), "id"));
        }
        // sysbench's transaction shape (update, update, delete, insert of one row) on both tables, interleaved
        for (int i = 1; i <= 3; i++) {
            batch.add(events.row("u", "items", ITEM_V1, item(i, "n" + i), item(i, "u" + i), "id"));
            batch.add(events.row("u", "acct", ITEM_V1, item(i, "a" + i), item(i, "b" + i), "id"));
            batch.add(events.row("d", "items", ITEM_V1, item(i, "u" + i), null, "id"));
            batch.add(events.row("c", "items", ITEM_V1, null, item(i, "again" + i), "id"));
        }
        // a unique value moving between rows, and a swap through a temporary value
        batch.add(events.row("u", "acct", ITEM_V1, item(4, "a4"), item(4, "tmp"), "id"));
        batch.add(events.row("u", "acct", ITEM_V1, item(5, "a5"), item(5, "a4"), "id"));
        batch.add(events.row("u", "acct", ITEM_V1, item(4, "tmp"), item(4, "a5"), "id"));
        // deleted, re-inserted, deleted again; and inserted then deleted within the batch
        batch.add(events.row("d", "acct", ITEM_V1, item(6, "a6"), null, "id"));
        batch.add(events.row("c", "acct", ITEM_V1, null, item(6, "a6bis"), "id"));
        batch.add(events.row("d", "acct", ITEM_V1, item(6, "a6bis"), null, "id"));
        batch.add(events.row("c", "items", ITEM_V1, null, item(20, "short-lived"), "id"));
        batch.add(events.row("d", "items", ITEM_V1, item(20, "short-lived"), null, "id"));
        deliver(task, batch);
        task.stop();
        assertEquals("1:again1,2:again2,3:again3,4:n4,5:n5,6:n6,7:n7",
                string("SELECT GROUP_CONCAT(id, ':', name ORDER BY id) FROM " + db + ".items"));
        assertEquals("1:b1,2:b2,3:b3,4:a5,5:a4", string("SELECT GROUP_CONCAT(id, ':', name ORDER BY id) FROM " + db + ".acct"));
    }

    @Test
    void aBatchOfLargeRowsIsSplitIntoStatementsThatFitTheDestinationsPacketLimit() throws SQLException {
        Schema blobRow = SchemaBuilder.struct().optional().field("id", Schema.INT32_SCHEMA).field("b", Schema.OPTIONAL_BYTES_SCHEMA).build();
        MigrationSinkTask task = startTask(new RecordingSinkTaskContext(), MigrationSinkConfig.BATCH_MAX_ROWS, "1000");
        List<SinkRecord> batch = new ArrayList<>(snapshotOfItems());
        batch.add(events.ddl(false, "CREATE TABLE blobs (id INT PRIMARY KEY, b LONGBLOB)", "CREATE", "blobs", "id", "b"));
        long packet = Long.parseLong(string("SELECT @@max_allowed_packet"));
        int rows = (int) (3 * packet / (2 << 20)) + 1; // 2 MB each: three packets' worth in one batch
        for (int i = 1; i <= rows; i++) {
            byte[] b = new byte[2 << 20];
            java.util.Arrays.fill(b, (byte) i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", i);
            row.put("b", b);
            batch.add(events.row("c", "blobs", blobRow, null, row, "id"));
        }
        deliver(task, batch);
        task.stop();
        assertEquals(rows + "/" + ((long) rows << 21), string("SELECT CONCAT(COUNT(*), '/', SUM(LENGTH(b))) FROM " + db + ".blobs"));
    }

    @Test
    void fourWritersEndWhereOneWriterDoes() throws SQLException {
        MigrationSinkTask task = startTask(new RecordingSinkTaskContext(), MigrationSinkConfig.BATCH_MAX_ROWS, "500",
                MigrationSinkConfig.APPLY_WRITERS, "4");
        deliver(task, snapshotOfItems());
        java.util.Random random = new java.util.Random(7);
        Map<Integer, String> expected = new java.util.TreeMap<>();
        for (int i = 1; i <= 7; i++) {
            expected.put(i, "n" + i);
        }
        for (int batch = 0; batch < 5; batch++) {
            List<SinkRecord> records = new ArrayList<>();
            for (int n = 0; n < 1500; n++) {
                int id = 1 + random.nextInt(400);
                String old = expected.get(id);
                if (old != null && random.nextInt(4) == 0) {
                    records.add(events.row("d", "items", ITEM_V1, item(id, old), null, "id"));
                    expected.remove(id);
                } else {
                    String value = "b" + batch + "n" + n;
                    records.add(events.row(old == null ? "c" : "u", "items", ITEM_V1, old == null ? null : item(id, old), item(id, value), "id"));
                    expected.put(id, value);
                }
            }
            deliver(task, records);
        }
        task.stop();
        long crcSum = 0;
        for (Map.Entry<Integer, String> e : expected.entrySet()) {
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update((e.getKey() + ":" + e.getValue()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            crcSum += crc.getValue();
        }
        assertEquals(expected.size() + "/" + crcSum,
                string("SELECT CONCAT(COUNT(*), '/', SUM(CRC32(CONCAT(id, ':', name)))) FROM " + db + ".items"));
        assertEquals(events.nextOffset(), count("SELECT next_offset FROM mysql_migrate.sink_offsets WHERE connector = '" + connectorName + "'"));
    }

    @Test
    void alterTableIsAppliedBetweenTheRowsItSeparatesAndAReEmittedDdlIsSkipped() throws SQLException {
        MigrationSinkTask task = startTask(new RecordingSinkTaskContext());
        deliver(task, snapshotOfItems());
        SinkRecord beforeAlter = events.row("c", "items", ITEM_V1, null, item(9, "before-alter"), "id");
        SinkRecord alter = events.ddl(false, "ALTER TABLE items ADD COLUMN qty INT", "ALTER", "items", "id", "name", "qty");
        Map<String, Object> v2 = item(8, "eight");
        v2.put("qty", 3);
        deliver(task, List.of(beforeAlter, alter, events.row("c", "items", ITEM_V2, null, v2, "id")));
        // The source restarts and sends the same ALTER again at a new Kafka offset, same source position.
        deliver(task, List.of(events.resend(alter)));
        task.stop();
        assertEquals(3, count("SELECT qty FROM " + db + ".items WHERE id = 8"));
        assertEquals(1, count("SELECT COUNT(*) FROM " + db + ".items WHERE id = 9 AND qty IS NULL"));
        assertEquals(1, count("SELECT COUNT(*) FROM mysql_migrate.applied_ddl WHERE connector = '" + connectorName
                + "' AND statement LIKE 'ALTER TABLE items%'"));
    }

    @Test
    void aDdlThatTookEffectBeforeACrashIsRecordedNotRepeated() throws SQLException {
        MigrationSinkTask task = startTask(new RecordingSinkTaskContext());
        deliver(task, snapshotOfItems());
        // Simulate the crash window: the ALTER ran, but neither its journal entry nor the offset was committed.
        destination.execute("ALTER TABLE " + db + ".items ADD COLUMN qty INT");
        deliver(task, List.of(events.ddl(false, "ALTER TABLE items ADD COLUMN qty INT", "ALTER", "items", "id", "name", "qty")));
        task.stop();
        assertEquals(1, count("SELECT COUNT(*) FROM mysql_migrate.applied_ddl WHERE connector = '" + connectorName
                + "' AND outcome = 'already-in-effect'"));
    }

    @Test
    void aNewSnapshotReplacesTheTablesAnInterruptedOneCreatedButNeverOneItDidNotCreate() throws SQLException {
        destination.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".users_own (id INT PRIMARY KEY)",
                "INSERT INTO " + db + ".users_own VALUES (1)");
        MigrationSinkTask task = startTask(new RecordingSinkTaskContext(), MigrationSinkConfig.CONFLICT_TABLE_POLICY, "ignore");
        deliver(task, snapshotOfItems());
        // The source restarts its snapshot at a later binlog position: the table now has a new column, and row 7
        // was deleted on the source in between.
        List<SinkRecord> again = new ArrayList<>();
        again.add(events.ddl(true, "CREATE TABLE `users_own` (`id` int NOT NULL, PRIMARY KEY (`id`))", "CREATE", "users_own", "id"));
        again.add(events.ddl(true, "CREATE TABLE `items` (`id` int NOT NULL, `name` varchar(20) DEFAULT NULL, `qty` int DEFAULT NULL, "
                + "PRIMARY KEY (`id`))", "CREATE", "items", "id", "name", "qty"));
        for (int i = 1; i <= 6; i++) {
            Map<String, Object> v2 = item(i, "n" + i);
            v2.put("qty", i);
            again.add(events.row("r", "items", ITEM_V2, null, v2, "id"));
        }
        deliver(task, again);
        task.stop();
        assertEquals(6, count("SELECT COUNT(*) FROM " + db + ".items WHERE qty = id"));
        assertEquals(6, count("SELECT COUNT(*) FROM " + db + ".items"), "row 7 of the first attempt is gone");
        assertEquals(1, count("SELECT COUNT(*) FROM " + db + ".users_own"), "a table the migration did not create keeps its rows");
    }

    @Test
    void theSinkRecordsWhetherItIsInTheSnapshotOrTheIncrementalPhase() throws SQLException {
        MigrationSinkTask task = startTask(new RecordingSinkTaskContext());
        deliver(task, snapshotOfItems());
        assertEquals("snapshot", string("SELECT phase FROM mysql_migrate.sink_offsets WHERE connector = '" + connectorName + "'"));
        deliver(task, List.of(events.row("c", "items", ITEM_V1, null, item(99, "streamed"), "id")));
        task.stop();
        assertEquals("incremental", string("SELECT phase FROM mysql_migrate.sink_offsets WHERE connector = '" + connectorName + "'"));
    }

    @Test
    void changesASourceSendsAgainAfterARestartAreSkippedEvenAcrossADroppedColumn() throws SQLException {
        MigrationSinkTask task = startTask(new RecordingSinkTaskContext());
        deliver(task, snapshotOfItems());
        SinkRecord newer = events.row("u", "items", ITEM_V1, item(1, "n1"), item(1, "newer"), "id");
        SinkRecord drop = events.ddl(false, "ALTER TABLE items DROP COLUMN name", "ALTER", "items", "id");
        Schema itemV3 = SchemaBuilder.struct().optional().field("id", Schema.INT32_SCHEMA).build();
        SinkRecord after = events.row("c", "items", itemV3, null, Map.of("id", 20), "id");
        deliver(task, List.of(newer, drop, after));
        // The source restarts from an earlier committed position and sends all three again.
        deliver(task, List.of(events.resend(newer), events.resend(drop), events.resend(after)));
        task.stop();
        assertEquals(8, count("SELECT COUNT(*) FROM " + db + ".items"));
        assertEquals(0, count("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '" + db + "' AND COLUMN_NAME = 'name'"));
    }

    @Test
    void aRowNeverGoesBackInTimeWhenOlderChangesArriveAgain() throws SQLException {
        MigrationSinkTask task = startTask(new RecordingSinkTaskContext());
        deliver(task, snapshotOfItems());
        SinkRecord older = events.row("u", "items", ITEM_V1, item(3, "n3"), item(3, "older"), "id");
        SinkRecord newer = events.row("u", "items", ITEM_V1, item(3, "older"), item(3, "newer"), "id");
        deliver(task, List.of(older, newer));
        task.stop();
        MigrationSinkTask restarted = startTask(new RecordingSinkTaskContext());
        deliver(restarted, List.of(events.resend(older)));
        restarted.stop();
        assertEquals("newer", string("SELECT name FROM " + db + ".items WHERE id = 3"));
    }

    @Test
    void aSourceTransactionSplitAcrossBatchesBecomesVisibleAllAtOnce() throws SQLException {
        MigrationSinkTask task = startTask(new RecordingSinkTaskContext());
        deliver(task, snapshotOfItems());
        deliver(task, List.of(events.boundary("BEGIN", "0-1-50"), events.row("c", "items", ITEM_V1, null, item(60, "a"), "id"),
                events.row("u", "items", ITEM_V1, item(1, "n1"), item(1, "debit"), "id")));
        assertEquals(0, count("SELECT COUNT(*) FROM " + db + ".items WHERE id = 60 OR name = 'debit'"),
                "nothing of the open transaction is visible");
        long storedBefore = storedNextOffset();
        deliver(task, List.of(events.row("u", "items", ITEM_V1, item(2, "n2"), item(2, "credit"), "id"),
                events.boundary("END", "0-1-50"), events.row("r", "items", ITEM_V1, null, item(61, "after"), "id")));
        task.stop();
        assertEquals(3, count("SELECT COUNT(*) FROM " + db + ".items WHERE id = 60 OR name IN ('debit', 'credit')"));
        assertEquals(1, count("SELECT COUNT(*) FROM " + db + ".items WHERE id = 61"));
        assertTrue(storedNextOffset() > storedBefore);
        assertEquals(events.nextOffset(), storedNextOffset());
    }

    @Test
    void heldRecordsOfAnOpenTransactionAreReadAgainAfterARestart() throws SQLException {
        MigrationSinkTask task = startTask(new RecordingSinkTaskContext());
        deliver(task, snapshotOfItems());
        SinkRecord begin = events.boundary("BEGIN", "0-1-51");
        SinkRecord insert = events.row("c", "items", ITEM_V1, null, item(70, "held"), "id");
        deliver(task, List.of(begin, insert));
        task.stop(); // the worker goes away with the transaction held in memory
        RecordingSinkTaskContext context = new RecordingSinkTaskContext();
        MigrationSinkTask restarted = startTask(context);
        assertEquals(begin.kafkaOffset(), context.seeks.get(new TopicPartition(topic, 0)), "it resumes at the BEGIN");
        deliver(restarted, List.of(begin, insert, events.boundary("END", "0-1-51")));
        restarted.stop();
        assertEquals("held", string("SELECT name FROM " + db + ".items WHERE id = 70"));
    }

    @Test
    void aTriggerOrEventFromTheSourceIsNeverCreatedOnTheDestination() throws SQLException {
        MigrationSinkTask task = startTask(new RecordingSinkTaskContext());
        deliver(task, snapshotOfItems());
        deliver(task, List.of(events.ddl(false, "CREATE TRIGGER items_audit AFTER INSERT ON items FOR EACH ROW SET @x = 1", null, null)));
        task.stop();
        assertEquals(0, count("SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = '" + db + "'"));
        assertEquals(1, count("SELECT COUNT(*) FROM mysql_migrate.applied_ddl WHERE outcome = 'skipped-unsupported' AND statement LIKE "
                + "'CREATE TRIGGER items_audit%'"));
    }

    @Test
    void progressCommittedBeforeAFailureIsNotAppliedAgainOnTheRetry() throws SQLException {
        MigrationSinkTask task = startTask(new RecordingSinkTaskContext());
        deliver(task, snapshotOfItems());
        SinkRecord before = events.row("c", "items", ITEM_V1, null, item(30, "before"), "id");
        SinkRecord drop = events.ddl(false, "ALTER TABLE items DROP COLUMN name", "ALTER", "items", "id");
        Schema withExtra = SchemaBuilder.struct().optional().field("id", Schema.INT32_SCHEMA).field("extra", Schema.OPTIONAL_INT32_SCHEMA).build();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", 31);
        row.put("extra", 7);
        SinkRecord after = events.row("c", "items", withExtra, null, row, "id");
        List<SinkRecord> batch = List.of(before, drop, after);
        // The row after the DDL is rejected (a column the destination lacks): the row and the DDL before it are
        // already committed when it fails.
        assertThrows(org.apache.kafka.connect.errors.RetriableException.class, () -> deliver(task, batch));
        destination.execute("ALTER TABLE " + db + ".items ADD COLUMN extra INT NULL"); // the operator's fix
        deliver(task, batch); // Connect redelivers the same batch
        task.stop();
        assertEquals(7, count("SELECT extra FROM " + db + ".items WHERE id = 31"));
        assertEquals(1, count("SELECT COUNT(*) FROM " + db + ".items WHERE id = 30"));
    }

    @Test
    void aNullInAColumnWithADefaultStaysNull() throws SQLException {
        MigrationSinkTask task = startTask(new RecordingSinkTaskContext());
        deliver(task, snapshotOfItems());
        // Debezium gives a nullable column with a DEFAULT a schema default; Connect's Struct.get would substitute it.
        Schema withDefault = SchemaBuilder.struct().optional().field("id", Schema.INT32_SCHEMA)
                .field("name", SchemaBuilder.string().optional().defaultValue("the default").build()).build();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", 80);
        row.put("name", null);
        deliver(task, List.of(events.row("c", "items", withDefault, null, row, "id")));
        task.stop();
        assertEquals(1, count("SELECT COUNT(*) FROM " + db + ".items WHERE id = 80 AND name IS NULL"));
    }

    @Test
    void updateOfAMissingRowInsertsItAndDeleteOfAMissingRowDoesNothing() throws SQLException {
        MigrationSinkTask task = startTask(new RecordingSinkTaskContext());
        deliver(task, snapshotOfItems());
        deliver(task, List.of(events.row("u", "items", ITEM_V1, item(50, "x"), item(50, "y"), "id"),
                events.row("d", "items", ITEM_V1, item(51, "gone"), null, "id"),
                events.row("d", "items", ITEM_V1, item(2, "n2"), null, "id")));
        task.stop();
        assertEquals("y", string("SELECT name FROM " + db + ".items WHERE id = 50"));
        assertEquals(0, count("SELECT COUNT(*) FROM " + db + ".items WHERE id IN (2, 51)"));
        assertEquals(7, count("SELECT COUNT(*) FROM " + db + ".items"));
    }

    @Test
    void anExistingDestinationTableWithOtherColumnsStopsTheTaskNamingIt() {
        destination.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".items (id INT PRIMARY KEY, other TEXT)");
        MigrationSinkTask task = startTask(new RecordingSinkTaskContext());
        ApplyException e = assertThrows(ApplyException.class, () -> deliver(task, snapshotOfItems()));
        task.stop();
        assertTrue(e.getMessage().contains("`" + db + "`.`items`"), e.getMessage());
        assertTrue(e.getMessage().contains("[id, other]"), e.getMessage());
    }

    private long storedNextOffset() throws SQLException {
        return count("SELECT next_offset FROM mysql_migrate.sink_offsets WHERE connector = '" + connectorName + "'");
    }

}
