package io.mysqlmigrate.sink.retry;

import static io.mysqlmigrate.sink.SinkTaskOnDestination.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.sink.DebeziumEvents;
import io.mysqlmigrate.sink.MigrationSinkTask;
import io.mysqlmigrate.sink.RecordingSinkTaskContext;
import io.mysqlmigrate.sink.SinkTaskOnDestination;
import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.SharedStack;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retry windows and the dead-letter queue, against a real MariaDB destination that goes away and comes back. */
class RetriesAndDeadLettersOnMariaDbIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Schema ROW = SchemaBuilder.struct().optional().field("id", Schema.INT32_SCHEMA)
            .field("v", Schema.OPTIONAL_STRING_SCHEMA).build();

    private MariaDbServer destination;
    private String db;
    private String topic;
    private DebeziumEvents events;
    private SinkTaskOnDestination sink;

    @BeforeEach
    void setUp() {
        destination = SharedStack.databasesOnly().destination();
        db = "retry_" + SEQUENCE.incrementAndGet() + "_" + System.nanoTime() % 100000;
        topic = "it." + db;
        events = new DebeziumEvents(topic, db);
        sink = new SinkTaskOnDestination(destination, "retry-it-" + db, topic);
    }

    private MigrationSinkTask start(RecordingSinkTaskContext context) {
        return sink.start(context);
    }

    private String string(String sql) throws SQLException {
        return sink.string(sql);
    }

    private List<SinkRecord> snapshot() {
        List<SinkRecord> r = new ArrayList<>();
        r.add(events.ddl(true, "CREATE DATABASE IF NOT EXISTS `" + db + "`", null, null));
        r.add(events.ddl(true, "CREATE TABLE `t` (`id` int NOT NULL, `v` varchar(20) DEFAULT NULL, PRIMARY KEY (`id`))", "CREATE", "t", "id", "v"));
        r.add(events.row("r", "t", ROW, null, Map.of("id", 1, "v", "one"), "id"));
        return r;
    }

    @Test
    void aDestinationThatGoesAwayIsWaitedForAndNothingIsLost() throws SQLException {
        RecordingSinkTaskContext context = new RecordingSinkTaskContext();
        MigrationSinkTask task = start(context);
        deliver(task, snapshot());
        List<SinkRecord> more = List.of(events.row("c", "t", ROW, null, Map.of("id", 2, "v", "two"), "id"),
                events.row("u", "t", ROW, Map.of("id", 1, "v", "one"), Map.of("id", 1, "v", "uno"), "id"));
        destination.kill();
        try {
            RetriableException first = assertThrows(RetriableException.class, () -> deliver(task, more));
            assertEquals(1000, context.lastTimeoutMs, "first pause 1 s: " + first.getMessage());
            assertThrows(RetriableException.class, () -> deliver(task, more));
            assertEquals(2000, context.lastTimeoutMs, "the pause grows");
        } finally {
            destination.restart();
        }
        deliver(task, more); // Connect redelivers the same batch
        task.stop();
        assertEquals("uno", string("SELECT v FROM " + db + ".t WHERE id = 1"));
        assertEquals("two", string("SELECT v FROM " + db + ".t WHERE id = 2"));
    }

    /**
     * Batches are applied on the task's apply thread while Connect hands over the next: a batch that fails there is
     * reported by the next call, and applied again together with the batch that call brought, so nothing is lost.
     */
    @Test
    void aBatchThatFailsWhileTheNextArrivesIsAppliedAgainWithIt() throws SQLException {
        RecordingSinkTaskContext context = new RecordingSinkTaskContext();
        MigrationSinkTask task = start(context);
        deliver(task, snapshot());
        List<SinkRecord> failing = List.of(events.row("c", "t", ROW, null, Map.of("id", 2, "v", "two"), "id"),
                events.row("c", "t", ROW, null, Map.of("id", 4, "v", "four"), "id"));
        List<SinkRecord> next = List.of(events.row("u", "t", ROW, Map.of("id", 2, "v", "two"), Map.of("id", 2, "v", "deux"), "id"),
                events.row("c", "t", ROW, null, Map.of("id", 3, "v", "three"), "id"));
        destination.kill();
        try {
            task.put(failing); // handed to the apply thread, which fails on the dead destination
            RetriableException e = assertThrows(RetriableException.class, () -> task.put(next));
            assertEquals(1000, context.lastTimeoutMs, "retried within the connection window: " + e.getMessage());
        } finally {
            destination.restart();
        }
        deliver(task, next); // Connect redelivers the batch whose call failed; the failed one comes with it
        task.stop();
        assertEquals("deux", string("SELECT v FROM " + db + ".t WHERE id = 2"));
        assertEquals("three", string("SELECT v FROM " + db + ".t WHERE id = 3"));
        assertEquals("four", string("SELECT v FROM " + db + ".t WHERE id = 4"), "the failed batch's own row is not lost");
        assertEquals(4, sink.count("SELECT COUNT(*) FROM " + db + ".t"));
    }

    @Test
    void aDdlTheDestinationRejectsIsRetriedUntilAnOperatorFixesIt() throws SQLException {
        RecordingSinkTaskContext context = new RecordingSinkTaskContext();
        MigrationSinkTask task = start(context);
        deliver(task, snapshot());
        destination.execute("DROP TABLE " + db + ".t"); // an operator's mistake
        List<SinkRecord> alter = List.of(events.ddl(false, "ALTER TABLE t ADD COLUMN w INT", "ALTER", "t", "id", "v", "w"),
                events.row("c", "t", SchemaBuilder.struct().optional().field("id", Schema.INT32_SCHEMA)
                        .field("v", Schema.OPTIONAL_STRING_SCHEMA).field("w", Schema.OPTIONAL_INT32_SCHEMA).build(),
                        null, Map.of("id", 3, "v", "three", "w", 3), "id"));
        RetriableException e = assertThrows(RetriableException.class, () -> deliver(task, alter));
        assertTrue(e.getMessage().contains("ALTER TABLE t ADD COLUMN w INT"), "names the statement: " + e.getMessage());
        assertTrue(e.getMessage().contains("mysql-bin.000001"), "names the source position: " + e.getMessage());
        destination.execute("CREATE TABLE " + db + ".t (id INT PRIMARY KEY, v VARCHAR(20))"); // the operator's fix
        deliver(task, alter);
        task.stop();
        assertEquals("three", string("SELECT v FROM " + db + ".t WHERE w = 3"));
    }

    /** A timestamp no parser can read: the record can never apply, whatever the destination does. */
    private static final Schema ZONED = SchemaBuilder.string().name("io.debezium.time.ZonedTimestamp").optional().build();
    private static final Schema WITH_UNSUPPORTED = SchemaBuilder.struct().optional().field("id", Schema.INT32_SCHEMA)
            .field("v", Schema.OPTIONAL_STRING_SCHEMA).field("p", ZONED).build();

    private List<SinkRecord> streamWithOneUnconvertibleRecord() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("id", 7);
        bad.put("v", "bad");
        bad.put("p", "yesterday-ish");
        Map<String, Object> good = new HashMap<>();
        good.put("id", 8);
        good.put("v", "good");
        return List.of(events.row("c", "t", WITH_UNSUPPORTED, null, bad, "id"),
                events.row("c", "t", ROW, null, Map.of("id", 9, "v", "fine"), "id"));
    }

    @Test
    void aRecordThatCanNeverApplyGoesToTheDeadLetterQueueAndTheRestApplies() throws SQLException {
        RecordingSinkTaskContext context = new RecordingSinkTaskContext(true);
        MigrationSinkTask task = start(context);
        deliver(task, snapshot());
        deliver(task, List.of(events.ddl(false, "ALTER TABLE t ADD COLUMN p TIMESTAMP(6) NULL", "ALTER", "t", "id", "v", "p")));
        deliver(task, streamWithOneUnconvertibleRecord());
        task.stop();
        assertEquals(1, context.deadLetters.size());
        assertEquals(events.nextOffset() - 2, context.deadLetters.get(0).kafkaOffset());
        assertEquals("fine", string("SELECT v FROM " + db + ".t WHERE id = 9"));
    }

    @Test
    void withoutADeadLetterQueueSuchARecordStopsTheTaskSayingHowToRouteIt() {
        MigrationSinkTask task = start(new RecordingSinkTaskContext(false));
        deliver(task, snapshot());
        deliver(task, List.of(events.ddl(false, "ALTER TABLE t ADD COLUMN p TIMESTAMP(6) NULL", "ALTER", "t", "id", "v", "p")));
        ApplyException e = assertThrows(ApplyException.class, () -> deliver(task, streamWithOneUnconvertibleRecord()));
        task.stop();
        assertTrue(e.getMessage().contains("Cannot convert column 'p'"), e.getMessage());
        assertTrue(e.getMessage().contains("errors.tolerance=all"), e.getMessage());
    }

    private static final Schema GREETING = SchemaBuilder.struct().name("shop.Greeting").field("hello", Schema.STRING_SCHEMA).build();

    private SinkRecord notAChangeEvent() {
        return events.foreign(GREETING, new org.apache.kafka.connect.data.Struct(GREETING).put("hello", "world"));
    }

    /** Hands Connect's empty calls to the task until {@code done} holds (each decides the last batch), at most ten. */
    private static void putUntil(MigrationSinkTask task, java.util.function.BooleanSupplier done) {
        for (int i = 0; i < 10 && !done.getAsBoolean(); i++) {
            task.put(List.of());
        }
        task.put(List.of());
        assertTrue(done.getAsBoolean(), "not reached after ten calls");
    }

    private long storedOffset() throws SQLException {
        return sink.count("SELECT next_offset FROM mysql_migrate.sink_offsets WHERE connector = '" + sink.connectorName()
                + "' AND topic = '" + topic + "'");
    }

    @Test
    void recordsThatAreNoChangeEventsGoToTheDeadLetterQueueCountAsHandledAndTheRestApplies() throws SQLException {
        RecordingSinkTaskContext context = new RecordingSinkTaskContext(true);
        MigrationSinkTask task = start(context);
        deliver(task, snapshot());
        SinkRecord a = notAChangeEvent();
        SinkRecord b = events.rowWithoutImages("c", "t");
        SinkRecord tombstone = events.foreign(null, null);
        SinkRecord good = events.row("c", "t", ROW, null, Map.of("id", 9, "v", "fine"), "id");
        SinkRecord last = notAChangeEvent(); // the batch ends with one: it still moves the stored offset
        task.put(List.of(a, b, tombstone, good, last));
        putUntil(task, () -> context.deadLetters.size() == 3);
        task.stop();
        assertEquals(List.of(a.kafkaOffset(), b.kafkaOffset(), last.kafkaOffset()),
                context.deadLetters.stream().map(SinkRecord::kafkaOffset).toList(), "each once, the tombstone consumed by design");
        assertEquals("fine", string("SELECT v FROM " + db + ".t WHERE id = 9"));
        assertEquals(events.nextOffset(), storedOffset(), "the reported records count as handled: the stored offset is past them");
    }

    @Test
    void withoutADeadLetterQueueAChangeEventWithoutImagesFailsAtOnceNamingItAfterWhatCameBeforeIsApplied() throws SQLException {
        MigrationSinkTask task = start(new RecordingSinkTaskContext(false));
        deliver(task, snapshot());
        SinkRecord good = events.row("c", "t", ROW, null, Map.of("id", 5, "v", "five"), "id");
        SinkRecord bad = events.rowWithoutImages("c", "t");
        ApplyException e = assertThrows(ApplyException.class, () -> deliver(task, List.of(good, bad)));
        task.stop();
        assertTrue(e.getMessage().contains("database '" + db + "', table 't', topic '" + topic + "' partition 0 offset "
                + bad.kafkaOffset() + ", source position mysql-bin.000001:"), e.getMessage());
        assertTrue(e.getMessage().contains("no 'before' field"), e.getMessage());
        assertTrue(e.getMessage().contains("\"kafka_offset\":" + (bad.kafkaOffset() + 1)), e.getMessage());
        assertEquals("five", string("SELECT v FROM " + db + ".t WHERE id = 5"), "the change before it is applied");
        assertEquals(bad.kafkaOffset(), storedOffset(), "stopped exactly at the bad record: moving one past it skips it alone");
    }

    @Test
    void aValueTheDestinationCannotHoldGoesToTheDeadLetterQueueAndItsNeighboursApply() throws SQLException {
        RecordingSinkTaskContext context = new RecordingSinkTaskContext(true);
        MigrationSinkTask task = start(context);
        deliver(task, snapshot());
        destination.execute("ALTER TABLE " + db + ".t MODIFY v VARCHAR(4)"); // narrower than the source's column
        SinkRecord before = events.row("c", "t", ROW, null, Map.of("id", 20, "v", "ok"), "id"); // offsets in order
        SinkRecord tooLong = events.row("c", "t", ROW, null, Map.of("id", 21, "v", "far too long"), "id");
        task.put(List.of(before, tooLong, events.row("c", "t", ROW, null, Map.of("id", 22, "v", "ok2"), "id")));
        putUntil(task, () -> context.deadLetters.size() == 1);
        task.stop();
        assertEquals(tooLong.kafkaOffset(), context.deadLetters.get(0).kafkaOffset());
        assertEquals(2, sink.count("SELECT COUNT(*) FROM " + db + ".t WHERE id IN (20, 22)"));
        assertEquals(0, sink.count("SELECT COUNT(*) FROM " + db + ".t WHERE id = 21"));
        assertEquals(events.nextOffset(), storedOffset());
    }

    @Test
    void withoutADeadLetterQueueAValueTheDestinationCannotHoldFailsAtOnce() throws SQLException {
        MigrationSinkTask task = start(new RecordingSinkTaskContext(false));
        deliver(task, snapshot());
        destination.execute("ALTER TABLE " + db + ".t MODIFY v VARCHAR(4)");
        SinkRecord tooLong = events.row("c", "t", ROW, null, Map.of("id", 21, "v", "far too long"), "id");
        ApplyException e = assertThrows(ApplyException.class, () -> deliver(task, List.of(tooLong)));
        task.stop();
        assertTrue(e.getMessage().contains("table 't', topic '" + topic + "' partition 0 offset " + tooLong.kafkaOffset()), e.getMessage());
        assertTrue(e.getMessage().contains("cannot hold"), e.getMessage());
    }

    @Test
    void aNullForANotNullColumnInAMultiRowStatementIsPinnedToItsRecord() throws SQLException {
        RecordingSinkTaskContext context = new RecordingSinkTaskContext(true);
        MigrationSinkTask task = start(context);
        deliver(task, snapshot());
        destination.execute("ALTER TABLE " + db + ".t MODIFY v VARCHAR(20) NOT NULL"); // the server names no row for this
        Map<String, Object> nullValue = new HashMap<>();
        nullValue.put("id", 31);
        nullValue.put("v", null);
        SinkRecord before = events.row("c", "t", ROW, null, Map.of("id", 30, "v", "a"), "id"); // offsets in order
        SinkRecord bad = events.row("c", "t", ROW, null, nullValue, "id");
        task.put(List.of(before, bad, events.row("c", "t", ROW, null, Map.of("id", 32, "v", "c"), "id")));
        putUntil(task, () -> context.deadLetters.size() == 1);
        task.stop();
        assertEquals(bad.kafkaOffset(), context.deadLetters.get(0).kafkaOffset());
        assertEquals(2, sink.count("SELECT COUNT(*) FROM " + db + ".t WHERE id IN (30, 32)"));
        assertEquals(events.nextOffset(), storedOffset());
    }
}
