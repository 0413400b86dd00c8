package io.mysqlmigrate.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.mysqlmigrate.stack.SharedStack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The source heartbeat on real servers (source and destination MariaDB, Kafka, Connect): it writes its row on the
 * source, keeps the resume position moving while nothing else changes, reports a sub-second delay through the
 * source task's JMX metrics, and never puts its own changes into a topic. The sink task's metrics are read there too.
 */
class HeartbeatOnMariaDbKafkaConnectIT {

    private final SharedStack stack = SharedStack.get();

    @Test
    void heartbeatsMoveThePositionAndMeasureTheDelayWithoutReachingTheTopics() throws Exception {
        String db = "hb_shop";
        stack.source().execute("CREATE DATABASE " + db, "USE " + db, "CREATE TABLE t (id INT PRIMARY KEY)", "INSERT INTO t VALUES (1)");
        try (Migration migration = new Migration(stack, "m-hb", List.of(db))) {
            migration.start(Map.of("heartbeat.interval.ms", "200"), Map.of());
            migration.awaitSinkProgress(1, false, Duration.ofSeconds(120));
            stack.source().execute("INSERT INTO " + db + ".t VALUES (2)");
            migration.awaitIdentical(Duration.ofSeconds(60));

            String bean = WorkerMetrics.sourceTask(migration.source.name());
            String jmx = stack.worker().jmxUrl();
            Set<Long> delays = new HashSet<>();
            await("three different delays measured from the heartbeats").atMost(Duration.ofSeconds(30))
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(300))
                    .until(() -> { // a failed assertion in here ends the wait at once
                        assertEquals("INCREMENTAL", WorkerMetrics.read(jmx, bean, "Phase"));
                        long delay = (Long) WorkerMetrics.read(jmx, bean, "DelayMillis");
                        if (delay >= 0) {
                            assertTrue(delay < 1000, "delay measured from the heartbeat on an idle source: " + delay + " ms");
                            delays.add(delay);
                        }
                        return delays.size() >= 3;
                    });
            assertTrue(delays.size() >= 3, "the delay metric follows the heartbeats: " + delays);

            String sink = WorkerMetrics.sinkTask(migration.sink.name(), 0);
            assertTrue((Long) WorkerMetrics.read(jmx, sink, "RecordsApplied") >= 3, "records applied by the sink");
            assertEquals(Long.valueOf(2), WorkerMetrics.map(WorkerMetrics.read(jmx, sink, "RowsAppliedByTable")).get(db + ".t"),
                    "one snapshot row and one streamed row of " + db + ".t");
            assertTrue(WorkerMetrics.map(WorkerMetrics.read(jmx, sink, "DdlByOutcome")).getOrDefault("created", 0L) >= 1,
                    "the CREATE TABLE counted");
            long sinkDelay = (Long) WorkerMetrics.read(jmx, sink, "DelayMillis");
            assertTrue(sinkDelay >= 0 && sinkDelay < 60_000, "the sink's delay from binlog timestamps: " + sinkDelay);

            try (Connection s = stack.source().connect(); Statement st = s.createStatement();
                 ResultSet rs = st.executeQuery("SELECT CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS UNSIGNED) - beat_us "
                         + "FROM mysql_migrate.heartbeat WHERE migration = 'm-hb'")) {
                assertTrue(rs.next(), "the heartbeat row exists on the source");
                assertTrue(rs.getLong(1) < 2_000_000, "the heartbeat row is fresh: " + rs.getLong(1) + " us old");
            }

            String before = debeziumOffset(migration);
            await("heartbeats move the stored position while the data is idle").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertNotEquals(before, debeziumOffset(migration),
                            "heartbeats move the stored position while the data is idle"));

            JsonNode topics = stack.rest().get("/connectors/" + migration.source.name() + "/topics");
            String active = topics.toString();
            assertTrue(active.contains("m-hb." + db), active);
            assertFalse(active.contains("m-hb.mysql_migrate"), "heartbeat changes never reach a database topic: " + active);
        }
    }

    private String debeziumOffset(Migration migration) throws Exception {
        for (JsonNode entry : stack.rest().get("/connectors/" + migration.source.name() + "/offsets").path("offsets")) {
            if (entry.path("partition").has("server")) {
                return entry.path("offset").toString();
            }
        }
        fail("no Debezium offset stored for " + migration.source.name());
        return null;
    }
}
