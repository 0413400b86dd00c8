package io.mysqlmigrate.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.stack.SharedStack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rows-per-second caps of the sink and of the source (full load and incremental), set and lifted on running
 * connectors through Connect's REST API, against the real stack. The bounds checked are loose on purpose: this proves
 * the caps hold, it measures nothing.
 */
class ThrottleOnMariaDbKafkaConnectIT {

    private final SharedStack stack = SharedStack.get();

    @Test
    void aCapSetThroughTheRestApiHoldsAndCanBeLifted() throws Exception {
        String db = "throttled";
        stack.source().execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO " + db + ".t SELECT seq, CONCAT('v', seq) FROM " + db + ".seq_1_to_6000");
        try (Migration migration = new Migration(stack, "m-throttle", List.of(db))) {
            Map<String, String> capped = new LinkedHashMap<>(migration.sink.config());
            capped.put("throttle.rows.per.second", "200");
            capped.put("consumer.override.max.poll.records", "100");
            stack.rest().createOrUpdate(migration.sink.name(), capped);
            stack.rest().createOrUpdate(migration.source.name(), migration.source.config());
            stack.rest().waitUntilRunning(migration.sink.name(), Duration.ofSeconds(60));
            stack.rest().waitUntilRunning(migration.source.name(), Duration.ofSeconds(60));

            long firstRowSeen = waitForFirstRow(db, Duration.ofSeconds(120));
            // the window ends when enough rows arrived, not after a fixed time: capped, 1500 rows take over 5 s
            long applied = awaitRows(db, 1500, Duration.ofSeconds(120));
            double seconds = (System.nanoTime() - firstRowSeen) / 1e9;
            // 200 rows/s plus one batch of burst, with room for timing noise; uncapped it would be thousands.
            assertTrue(applied <= 200 * seconds + 100 + 400, applied + " rows in " + seconds + " s under a 200 rows/s cap");

            Map<String, String> lifted = new LinkedHashMap<>(capped);
            lifted.put("throttle.rows.per.second", "0");
            stack.rest().createOrUpdate(migration.sink.name(), lifted); // Connect restarts the task with the new config
            migration.awaitIdentical(Duration.ofSeconds(90));
        }
    }

    @Test
    void theSourcesFullLoadAndIncrementalCapsHoldAndCanBeLifted() throws Exception {
        String db = "throttled_src";
        stack.source().execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO " + db + ".t SELECT seq, CONCAT('v', seq) FROM " + db + ".seq_1_to_6000");
        try (Migration migration = new Migration(stack, "m-throttle-src", List.of(db))) {
            Map<String, String> source = new LinkedHashMap<>(migration.source.config());
            source.put("throttle.full.rows.per.second", "200");
            migration.start(source, Map.of());
            long firstRowSeen = waitForFirstRow(db, Duration.ofSeconds(120));
            long applied = awaitRows(db, 1500, Duration.ofSeconds(120)); // capped, that takes over 5 s

            double seconds = (System.nanoTime() - firstRowSeen) / 1e9;
            assertTrue(applied <= 200 * seconds + 20 + 400, applied + " snapshot rows in " + seconds + " s under a 200 rows/s cap");

            source.put("throttle.full.rows.per.second", "0");
            source.put("throttle.incremental.rows.per.second", "100");
            stack.rest().createOrUpdate(migration.source.name(), source);
            migration.awaitIdentical(Duration.ofSeconds(120));

            long before = rows(db);
            stack.source().execute("INSERT INTO " + db + ".t SELECT seq, 'streamed' FROM " + db + ".seq_6001_to_9000");
            long start = System.nanoTime();
            long streamed = awaitRows(db, before + 1000, Duration.ofSeconds(120)) - before; // capped, over 7 s
            double streamSeconds = (System.nanoTime() - start) / 1e9;
            assertTrue(streamed <= 100 * streamSeconds + 10 + 300, streamed + " streamed rows in " + streamSeconds
                    + " s under a 100 rows/s cap");

            source.put("throttle.incremental.rows.per.second", "0");
            stack.rest().createOrUpdate(migration.source.name(), source);
            migration.awaitIdentical(Duration.ofSeconds(120));
        }
    }

    private long waitForFirstRow(String db, Duration timeout) {
        awaitRows(db, 1, timeout);
        return System.nanoTime();
    }

    /** Waits until the destination table holds at least {@code count} rows; returns how many it holds then. */
    private long awaitRows(String db, long count, Duration timeout) {
        return await("at least " + count + " rows of " + db + ".t on the destination").atMost(timeout)
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    try {
                        return rows(db);
                    } catch (java.sql.SQLException notYet) {
                        return 0L; // the table is created by the sink
                    }
                }, rows -> rows >= count);
    }

    private long rows(String db) throws java.sql.SQLException {
        try (Connection c = stack.destination().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + db + ".t")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
