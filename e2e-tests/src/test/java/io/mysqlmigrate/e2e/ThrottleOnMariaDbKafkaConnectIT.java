package io.mysqlmigrate.e2e;

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
 * The sink's rows-per-second cap, set and lifted on a running connector through Connect's REST API, against the
 * real stack. The bound checked is loose on purpose: this proves the cap holds, it measures nothing.
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
            Thread.sleep(5000);
            long applied = rows(db);
            double seconds = (System.nanoTime() - firstRowSeen) / 1e9;
            // 200 rows/s plus one batch of burst, with room for timing noise; uncapped it would be thousands.
            assertTrue(applied <= 200 * seconds + 100 + 400, applied + " rows in " + seconds + " s under a 200 rows/s cap");

            Map<String, String> lifted = new LinkedHashMap<>(capped);
            lifted.put("throttle.rows.per.second", "0");
            stack.rest().createOrUpdate(migration.sink.name(), lifted); // Connect restarts the task with the new config
            migration.awaitIdentical(Duration.ofSeconds(90));
        }
    }

    private long waitForFirstRow(String db, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (rows(db) > 0) {
                    return System.nanoTime();
                }
            } catch (java.sql.SQLException notYet) {
                // the table is created by the sink
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No row of " + db + " reached the destination within " + timeout);
    }

    private long rows(String db) throws java.sql.SQLException {
        try (Connection c = stack.destination().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + db + ".t")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
