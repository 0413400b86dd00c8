package io.mysqlmigrate.sink;

import static io.mysqlmigrate.sink.SinkTaskOnDestination.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.SharedStack;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Secondary unique values moving between rows within one source transaction and across transactions, through the
 * sink task into a real MariaDB destination: each sequence is one the source accepted change by change, emitted as
 * Debezium emits it, and the destination must end with the source's rows without meeting a unique key violation.
 */
class UniqueKeyMovesOnMariaDbIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Schema U = SchemaBuilder.struct().optional().field("id", Schema.INT32_SCHEMA)
            .field("code", Schema.STRING_SCHEMA).field("v", Schema.OPTIONAL_INT32_SCHEMA).build();

    private MariaDbServer destination;
    private String db;
    private DebeziumEvents events;
    private SinkTaskOnDestination sink;
    /** The source's table u: id to code (v is the number of changes the row has seen). */
    private final Map<Integer, String> source = new TreeMap<>();
    private final Map<Integer, Integer> versions = new TreeMap<>();

    @BeforeEach
    void setUp() {
        destination = SharedStack.databasesOnly().destination();
        db = "ukmoves_" + SEQUENCE.incrementAndGet() + "_" + System.nanoTime() % 100000;
        events = new DebeziumEvents("it." + db, db);
        sink = new SinkTaskOnDestination(destination, "sink-it-" + db, "it." + db);
    }

    private Map<String, Object> image(int id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("code", source.get(id));
        m.put("v", versions.get(id));
        return m;
    }

    private SinkRecord insert(int id, String code) {
        source.put(id, code);
        versions.put(id, 0);
        return events.row("c", "u", U, null, image(id), "id");
    }

    private SinkRecord update(int id, String code) {
        Map<String, Object> before = image(id);
        source.put(id, code);
        versions.merge(id, 1, Integer::sum);
        return events.row("u", "u", U, before, image(id), "id");
    }

    private SinkRecord delete(int id) {
        Map<String, Object> before = image(id);
        source.remove(id);
        versions.remove(id);
        return events.row("d", "u", U, before, null, "id");
    }

    /** UPDATE u SET id = newId: Debezium's delete of the old key and create of the new one, with their headers. */
    private List<SinkRecord> changeKey(int id, int newId) {
        Map<String, Object> before = image(id);
        String code = source.remove(id);
        int version = versions.remove(id);
        source.put(newId, code);
        versions.put(newId, version);
        SinkRecord deleted = events.row("d", "u", U, before, null, "id");
        deleted.headers().addString("__debezium.newkey", "{\"id\":" + newId + "}");
        SinkRecord created = events.row("c", "u", U, null, image(newId), "id");
        created.headers().addString("__debezium.oldkey", "{\"id\":" + id + "}");
        return List.of(deleted, created);
    }

    private List<SinkRecord> createTable() {
        List<SinkRecord> r = new ArrayList<>();
        r.add(events.ddl(false, "CREATE DATABASE `" + db + "`", null, null));
        r.add(events.ddl(false, "CREATE TABLE `u` (`id` int NOT NULL, `code` varchar(10) NOT NULL, `v` int DEFAULT NULL, "
                + "PRIMARY KEY (`id`), UNIQUE KEY `uk_code` (`code`))", "CREATE", "u", "id", "code", "v"));
        return r;
    }

    private String destinationRows() throws SQLException {
        return sink.string("SELECT GROUP_CONCAT(id, ':', code, ':', v ORDER BY id) FROM `" + db + "`.u");
    }

    private String sourceRows() {
        return source.keySet().stream().map(id -> id + ":" + source.get(id) + ":" + versions.get(id)).collect(Collectors.joining(","));
    }

    private void movesWithinAndAcrossBatches(String maxRows) throws SQLException {
        MigrationSinkTask task = sink.start(new RecordingSinkTaskContext(), MigrationSinkConfig.BATCH_MAX_ROWS, maxRows);
        List<SinkRecord> first = createTable();
        String[] codes = {"A", "B", "C", "D", "E", "F"};
        for (int i = 1; i <= 6; i++) {
            first.add(insert(i, codes[i - 1]));
        }
        deliver(task, first);

        List<SinkRecord> tx = new ArrayList<>();
        tx.add(events.boundary("BEGIN", "tx1"));
        // the reported case: a swap through a temporary value
        tx.add(update(1, "TMP"));
        tx.add(update(2, "A"));
        tx.add(update(1, "B"));
        // a 3-cycle
        tx.add(update(3, "TMP"));
        tx.add(update(4, "C"));
        tx.add(update(5, "D"));
        tx.add(update(3, "E"));
        // a value released by a delete and taken by an insert; one released by an update and taken by an insert
        tx.add(delete(6));
        tx.add(insert(7, "F"));
        tx.add(update(7, "G"));
        tx.add(insert(8, "F"));
        // a primary key change, then its old key reused with the code the moved row gave up
        tx.addAll(changeKey(2, 20));
        tx.add(update(20, "H"));
        tx.add(insert(2, "A"));
        // REPLACE INTO u VALUES (9, 'E', 0): the holder of 'E' deleted, the new row written
        tx.add(delete(3));
        tx.add(insert(9, "E"));
        // INSERT INTO u VALUES (4, 'Q', 0) ON DUPLICATE KEY UPDATE code = 'I': an update of row 4
        tx.add(update(4, "I"));
        // UPDATE u SET code = CONCAT(code, 'x'): every row, in key order
        for (int id : new ArrayList<>(source.keySet())) {
            tx.add(update(id, source.get(id) + "x"));
        }
        tx.add(events.boundary("END", "tx1"));
        deliver(task, tx);
        assertEquals(sourceRows(), destinationRows());

        // a swap whose steps fall into three batches
        deliver(task, List.of(update(1, "T2")));
        deliver(task, List.of(update(4, "Bx"), update(5, "Ix")));
        deliver(task, List.of(update(1, "Dx")));
        task.stop();
        assertEquals(sourceRows(), destinationRows());
    }

    @Test
    void theReportedSwapOfTwoCodesInOneTransaction() throws SQLException {
        MigrationSinkTask task = sink.start(new RecordingSinkTaskContext(), MigrationSinkConfig.BATCH_MAX_ROWS, "1000");
        List<SinkRecord> first = createTable();
        first.add(insert(1, "A"));
        first.add(insert(2, "B"));
        deliver(task, first);
        deliver(task, List.of(events.boundary("BEGIN", "tx1"), update(1, "TMP"), update(2, "A"), update(1, "B"),
                events.boundary("END", "tx1")));
        task.stop();
        assertEquals("1:B:2,2:A:1", destinationRows());
        assertEquals(sourceRows(), destinationRows());
    }

    @Test
    void valuesMovingBetweenRowsEndAsOnTheSourceInMultiRowStatements() throws SQLException {
        movesWithinAndAcrossBatches("1000");
    }

    @Test
    void valuesMovingBetweenRowsEndAsOnTheSourceInSmallStatements() throws SQLException {
        movesWithinAndAcrossBatches("3");
    }

    @Test
    void aRowTheDestinationHadOfItsOwnGivesWayUnderOverwrite() throws SQLException {
        MigrationSinkTask task = sink.start(new RecordingSinkTaskContext());
        List<SinkRecord> first = createTable();
        first.add(insert(1, "A"));
        first.add(insert(2, "B"));
        deliver(task, first);
        destination.execute("INSERT INTO `" + db + "`.u VALUES (99, 'C', 0)");
        deliver(task, List.of(update(1, "TMP"), update(2, "A"), update(1, "C")));
        task.stop();
        assertEquals(sourceRows(), destinationRows());
    }

    @Test
    void aUniqueClashNoPolicyChoseIsReportedWithoutBlamingThePolicy() {
        MigrationSinkTask task = sink.start(new RecordingSinkTaskContext());
        List<SinkRecord> first = createTable();
        first.add(insert(1, "A"));
        deliver(task, first);
        // the destination, not the source, refuses the row with a duplicate-key error (a rule of its own)
        destination.execute("CREATE TRIGGER `" + db + "`.u_refuses BEFORE INSERT ON `" + db + "`.u FOR EACH ROW "
                + "IF NEW.code = 'refused' THEN SIGNAL SQLSTATE '23000' SET MYSQL_ERRNO = 1062, "
                + "MESSAGE_TEXT = 'Duplicate entry for key uk_refused'; END IF");
        RuntimeException e = assertThrows(RuntimeException.class, () -> deliver(task, List.of(update(1, "refused"))));
        task.stop();
        assertTrue(e.getMessage().contains("conflict.incremental.policy=overwrite"), e.getMessage());
        assertTrue(e.getMessage().contains("uk_refused"), e.getMessage());
        assertFalse(e.getMessage().contains("policy is fail"), e.getMessage());
    }
}
