package io.mysqlmigrate.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mysqlmigrate.stack.ConnectorStatus;
import io.mysqlmigrate.stack.SharedStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * Records in a database topic that the sink can never apply, written into the topic of a running migration next to the
 * source's own records: (a) a JSON envelope that is not a change event, (b) a change event with {@code op} and
 * {@code source} but no {@code before}/{@code after}, (c) bytes that are not JSON. With {@code errors.tolerance=all} and
 * a dead-letter queue each lands there with headers saying why, is logged, and the changes after it still apply; without,
 * the task fails at once naming the record, and the documented recovery (stop, PATCH the offset past it, resume) goes on.
 */
class BadRecordsOnMariaDbKafkaConnectIT {

    private final SharedStack stack = SharedStack.get();

    /** (a) Valid JSON in Kafka's envelope, but a structure no Debezium connector writes. */
    private static byte[] notAChangeEvent() {
        return ("{\"schema\":{\"type\":\"struct\",\"name\":\"shop.Greeting\",\"optional\":false,\"fields\":["
                + "{\"field\":\"hello\",\"type\":\"string\",\"optional\":false}]},\"payload\":{\"hello\":\"world\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** (b) What the user saw: op and source, with a binary log position, but no row images at all. */
    private static byte[] changeEventWithoutImages(String db) {
        return ("{\"schema\":{\"type\":\"struct\",\"name\":\"x.Envelope\",\"optional\":false,\"fields\":["
                + "{\"field\":\"op\",\"type\":\"string\",\"optional\":false},"
                + "{\"field\":\"source\",\"type\":\"struct\",\"optional\":false,\"fields\":["
                + "{\"field\":\"db\",\"type\":\"string\",\"optional\":false},{\"field\":\"table\",\"type\":\"string\",\"optional\":true},"
                + "{\"field\":\"file\",\"type\":\"string\",\"optional\":false},{\"field\":\"pos\",\"type\":\"int64\",\"optional\":false}]}]},"
                + "\"payload\":{\"op\":\"c\",\"source\":{\"db\":\"" + db + "\",\"table\":\"t\",\"file\":\"mysql-bin.000099\",\"pos\":4242}}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** (c) Not JSON: the converter refuses it before the sink sees it. */
    private static byte[] notJson() {
        return "this is not JSON {".getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void withADeadLetterQueueEachBadRecordLandsThereSayingWhyAndTheChangesAfterItApply() throws Exception {
        String db = "bad_dlq";
        String dlq = "m-bad-dlq.dead-letters";
        stack.source().execute("CREATE DATABASE " + db, "USE " + db, "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10))",
                "INSERT INTO t VALUES (1, 'one')");
        try (Migration migration = new Migration(stack, "m-bad-dlq", List.of(db))) {
            migration.start(Map.of(), Map.of("errors.tolerance", "all", "errors.deadletterqueue.topic.name", dlq,
                    "errors.deadletterqueue.topic.replication.factor", "1", "errors.deadletterqueue.context.headers.enable", "true"));
            migration.awaitIdentical(Duration.ofSeconds(120));
            TopicPartition tp = new TopicPartition(migration.name + "." + db, 0);
            long a = produce(tp, notAChangeEvent());
            long b = produce(tp, changeEventWithoutImages(db));
            long c = produce(tp, notJson());
            stack.source().execute("USE " + db, "INSERT INTO t VALUES (2, 'two')", "UPDATE t SET v = 'uno' WHERE id = 1");
            migration.awaitIdentical(Duration.ofSeconds(90)); // the changes after the bad records applied

            Map<Long, ConsumerRecord<byte[], byte[]>> dead = awaitDeadLetters(dlq, 3, Duration.ofSeconds(60));
            assertEquals(List.of(a, b, c), new ArrayList<>(dead.keySet()), "each bad record once, by its original offset");
            for (ConsumerRecord<byte[], byte[]> r : dead.values()) {
                assertEquals(tp.topic(), header(r, "__connect.errors.topic"));
                assertEquals("0", header(r, "__connect.errors.partition"));
            }
            String whyA = header(dead.get(a), "__connect.errors.exception.message");
            assertEquals("TASK_PUT", header(dead.get(a), "__connect.errors.stage"));
            assertTrue(whyA.contains("not a Debezium change event") && whyA.contains("topic '" + tp.topic() + "' partition 0 offset " + a + ", "),
                    whyA);
            String whyB = header(dead.get(b), "__connect.errors.exception.message");
            assertEquals("TASK_PUT", header(dead.get(b), "__connect.errors.stage"));
            assertTrue(whyB.contains("no 'before' field") && whyB.contains("database '" + db + "', table 't'")
                    && whyB.contains("offset " + b + ", ") && whyB.contains("mysql-bin.000099:4242"), whyB);
            assertEquals("VALUE_CONVERTER", header(dead.get(c), "__connect.errors.stage"));
            assertFalse(header(dead.get(c), "__connect.errors.exception.message").isBlank());

            String log = Files.readString(stack.worker().logFile());
            for (long offset : List.of(a, b)) {
                assertTrue(log.lines().anyMatch(l -> l.contains("WARN") && l.contains("Sent to the dead-letter queue")
                        && l.contains("topic '" + tp.topic() + "' partition 0 offset " + offset + ", ")), "a WARN line for offset " + offset);
            }
            assertTrue(log.contains("topic='" + tp.topic() + "', partition=0, offset=" + c + ","),
                    "Connect's error log names the non-JSON record's offset");

            String bean = WorkerMetrics.sinkTask(migration.sink.name(), 0);
            String jmx = stack.worker().jmxUrl();
            assertEquals(2L, WorkerMetrics.read(jmx, bean, "DeadLettered"), "the sink reported (a) and (b); (c) never reached it");
            long end = endOffset(tp);
            awaitStoredOffset(migration, tp, end);
            long counted = await("the sink's RecordsApplied reaches " + (end - 3)) // counted just after the commit
                    .atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .until(() -> (Long) WorkerMetrics.read(jmx, bean, "RecordsApplied"), n -> n >= end - 3);
            assertEquals(end - 3, counted, "every record of the topic but the three bad ones counted as applied, and those never");
        }
    }

    @Test
    void withoutToleranceARecordThatCanNeverApplyFailsTheTaskAtOnceNamingItAndMovingPastItResumes() throws Exception {
        String db = "bad_fail";
        stack.source().execute("CREATE DATABASE " + db, "USE " + db, "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10))",
                "INSERT INTO t VALUES (1, 'one')");
        try (Migration migration = new Migration(stack, "m-bad-fail", List.of(db))) {
            migration.start();
            migration.awaitIdentical(Duration.ofSeconds(120));
            TopicPartition tp = new TopicPartition(migration.name + "." + db, 0);
            awaitStoredOffset(migration, tp, endOffset(tp)); // the sink has applied all: nothing else comes before b
            long b = produce(tp, changeEventWithoutImages(db));
            long since = System.nanoTime();
            String trace = awaitFailedTask(migration, Duration.ofSeconds(60)); // retry.other.minutes is 10
            assertTrue(System.nanoTime() - since < Duration.ofSeconds(60).toNanos());
            assertFalse(trace.contains("Gave up after"), "failed at once, not after a retry window: " + trace);
            assertTrue(trace.contains("database '" + db + "', table 't', topic '" + tp.topic() + "' partition 0 offset " + b
                    + ", source position mysql-bin.000099:4242"), trace);
            assertTrue(trace.contains("no 'before' field"), trace);
            assertTrue(trace.contains("\"kafka_offset\":" + (b + 1)), "the message shows the PATCH that moves past it: " + trace);

            long a = produce(tp, notAChangeEvent());
            moveSinkPast(migration, tp, b, false); // (a) follows b: the resumed task fails on it in turn
            trace = awaitFailedTask(migration, Duration.ofSeconds(60));
            assertTrue(trace.contains("topic '" + tp.topic() + "' partition 0 offset " + a + ", ") && trace.contains("not a Debezium change event"),
                    trace);
            moveSinkPast(migration, tp, a, true);
            stack.source().execute("USE " + db, "INSERT INTO t VALUES (2, 'two')");
            migration.awaitIdentical(Duration.ofSeconds(90));
        }
    }

    @Test
    void withoutToleranceANonJsonRecordFailsTheTaskAtTheConverterTheLogNamesItsOffsetAndMovingPastItResumes() throws Exception {
        String db = "bad_json";
        stack.source().execute("CREATE DATABASE " + db, "USE " + db, "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10))",
                "INSERT INTO t VALUES (1, 'one')");
        try (Migration migration = new Migration(stack, "m-bad-json", List.of(db))) {
            migration.start();
            migration.awaitIdentical(Duration.ofSeconds(120));
            TopicPartition tp = new TopicPartition(migration.name + "." + db, 0);
            awaitStoredOffset(migration, tp, endOffset(tp)); // else the records before c in its poll are not applied either
            long c = produce(tp, notJson());
            String trace = awaitFailedTask(migration, Duration.ofSeconds(60));
            assertTrue(trace.contains(tp.topic()), trace);
            String log = Files.readString(stack.worker().logFile());
            assertTrue(log.lines().anyMatch(l -> l.contains("Error encountered in task " + migration.sink.name())
                    && l.contains("topic='" + tp.topic() + "', partition=0, offset=" + c + ",")),
                    "errors.log.enable and errors.log.include.messages in the shipped configuration name the record's partition and offset");
            moveSinkPast(migration, tp, c, true);
            stack.source().execute("USE " + db, "INSERT INTO t VALUES (2, 'two')");
            migration.awaitIdentical(Duration.ofSeconds(90));
        }
    }

    /** The recovery docs/OPERATIONS.md shows: stop the sink, PATCH its offset to the one after the record, resume. */
    private void moveSinkPast(Migration migration, TopicPartition tp, long offset, boolean awaitRunning) throws Exception {
        String sink = migration.sink.name();
        stack.rest().stop(sink);
        awaitState(sink, "STOPPED");
        assertEquals(offset, storedOffset(migration, tp), "the failed sink stored the bad record's own offset: moving one past "
                + "it skips that record alone");
        stack.rest().alterSinkOffsets(sink, Map.of(tp, offset + 1));
        stack.rest().resume(sink);
        if (awaitRunning) {
            stack.rest().waitUntilRunning(sink, Duration.ofSeconds(60));
        }
    }

    private long produce(TopicPartition tp, byte[] value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(tp.topic(), tp.partition(), null, value)).get().offset();
        }
    }

    private long endOffset(TopicPartition tp) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            return admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp).get().offset();
        }
    }

    /** The dead-letter queue's records by their original offset, once it holds {@code count}. */
    private Map<Long, ConsumerRecord<byte[], byte[]>> awaitDeadLetters(String topic, int count, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<Long, ConsumerRecord<byte[], byte[]>> byOffset = new java.util.TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await("the dead-letter queue " + topic + " holds " + count + " records").atMost(timeout)
                    .pollInSameThread() // the consumer is used by one thread at a time; its poll below does the waiting
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                    .until(() -> { // a failed assertion in here ends the wait at once
                        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                            ConsumerRecord<byte[], byte[]> earlier = byOffset.put(Long.parseLong(header(r, "__connect.errors.offset")), r);
                            if (earlier != null) {
                                fail("offset " + header(r, "__connect.errors.offset") + " reported twice");
                            }
                        }
                        return new ArrayList<>(byOffset.keySet());
                    }, offsets -> offsets.size() >= count);
        }
        return byOffset;
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        if (h == null) {
            fail("no header " + name + " on " + r);
        }
        return new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The sink's offset for {@code tp} stored in the destination; -1 when none is. */
    private long storedOffset(Migration migration, TopicPartition tp) throws Exception {
        try (Connection d = stack.destination().connect(); PreparedStatement ps = d.prepareStatement(
                "SELECT next_offset FROM mysql_migrate.sink_offsets WHERE connector = ? AND topic = ? AND kafka_partition = ?")) {
            ps.setString(1, migration.sink.name());
            ps.setString(2, tp.topic());
            ps.setInt(3, tp.partition());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    /** Waits until the sink's stored offset for {@code tp} (in the destination) reaches {@code offset}. */
    private void awaitStoredOffset(Migration migration, TopicPartition tp, long offset) {
        await("the sink's stored offset of " + tp + " reaches " + offset).atMost(Duration.ofSeconds(60))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                .until(() -> storedOffset(migration, tp), stored -> stored >= offset);
    }

    /** The trace of the sink's failed task, once it has failed. */
    private String awaitFailedTask(Migration migration, Duration timeout) {
        return await("the sink task " + migration.sink.name() + " fails").atMost(timeout)
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    ConnectorStatus status = stack.rest().status(migration.sink.name());
                    return status.failedTasks().isEmpty() ? "not failed: " + status : status.failedTasks().get(0).trace();
                }, trace -> !trace.startsWith("not failed: "));
    }

    private void awaitState(String connector, String state) {
        await(connector + " reaches " + state).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> stack.rest().status(connector), status -> assertEquals(state, status.state(), status::toString));
    }
}
