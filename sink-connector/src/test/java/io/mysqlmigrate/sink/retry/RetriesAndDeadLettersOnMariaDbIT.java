package io.mysqlmigrate.sink.retry;

import static io.mysqlmigrate.sink.SinkTaskOnDestination.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.sink.DebeziumEvents;
import io.mysqlmigrate.sink.MigrationSinkTask;
import io.mysqlmigrate.sink.RecordingSinkTaskContext;
import io.mysqlmigrate.sink.SinkTaskOnDestination;
import io.mysqlmigrate.sink.apply.ApplyException;
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

}
