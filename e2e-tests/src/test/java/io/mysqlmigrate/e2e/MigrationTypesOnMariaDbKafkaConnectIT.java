package io.mysqlmigrate.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mysqlmigrate.stack.ConnectorStatus;
import io.mysqlmigrate.stack.SharedStack;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The DTS migration types other than the zero-downtime default, through the real stack (source and destination
 * MariaDB, Kafka, Connect): the ones without incremental finish by themselves and say so in the source connector's
 * offsets; without schema the destination's own tables receive the rows; incremental alone moves only what changes
 * after the start.
 */
class MigrationTypesOnMariaDbKafkaConnectIT {

    private final SharedStack stack = SharedStack.get();

    @Test
    void schemaAndFullFinishesByItselfAndStopsReading() throws Exception {
        String db = "mt_sf";
        stack.source().execute("CREATE DATABASE " + db, "USE " + db,
                "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        try (Migration migration = new Migration(stack, "m-types-sf", List.of(db))) {
            migration.start(Map.of("migration.types", "schema,full"), Map.of());
            JsonNode completed = migration.awaitCompletedOffset(Duration.ofSeconds(120));
            assertEquals("schema,full", completed.path("migration.types").asText());
            migration.awaitIdentical(Duration.ofSeconds(60));
            awaitSourceNoLongerRead(migration);

            stack.source().execute("INSERT INTO " + db + ".t VALUES (4, 'after the end')");
            try (Connection d = stack.destination().connect()) {
                assertEquals(List.of("1", "2", "3"), QueryRows.strings(d, "SELECT id FROM " + db + ".t ORDER BY id"),
                        "a finished migration reads nothing more from the source");
            }
            ConnectorStatus status = stack.rest().status(migration.source.name());
            assertTrue(status.isRunning() && status.failedTasks().isEmpty(), status.toString());
        }
    }

    @Test
    void schemaOnlyCreatesTheTablesWithoutRows() throws Exception {
        String db = "mt_s";
        stack.source().execute("CREATE DATABASE " + db, "USE " + db,
                "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20) NOT NULL DEFAULT 'x', KEY ix_v (v))",
                "INSERT INTO t VALUES (1, 'a'), (2, 'b')");
        try (Migration migration = new Migration(stack, "m-types-s", List.of(db))) {
            migration.start(Map.of("migration.types", "schema"), Map.of());
            migration.awaitCompletedOffset(Duration.ofSeconds(120));
            awaitTrue("the table t created on the destination", () -> {
                try (Connection d = stack.destination().connect()) {
                    return QueryRows.strings(d, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + db + "'")
                            .equals(List.of("t"));
                }
            }, migration);
            awaitSourceNoLongerRead(migration);
            stack.source().execute("INSERT INTO " + db + ".t VALUES (3, 'c')");
            try (Connection d = stack.destination().connect()) {
                assertEquals(List.of("0"), QueryRows.strings(d, "SELECT COUNT(*) FROM " + db + ".t"));
                assertEquals(List.of("ix_v", "PRIMARY"), QueryRows.strings(d, "SELECT DISTINCT INDEX_NAME FROM information_schema.STATISTICS "
                        + "WHERE TABLE_SCHEMA = '" + db + "' AND TABLE_NAME = 't' ORDER BY 1"));
            }
        }
    }

    @Test
    void fullOnlyFillsTheDestinationsOwnTables() throws Exception {
        String db = "mt_f";
        stack.source().execute("CREATE DATABASE " + db, "USE " + db,
                "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        // The destination's table has a column of its own: the source's CREATE TABLE must not replace it.
        stack.destination().execute("CREATE DATABASE " + db, "USE " + db,
                "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20), note VARCHAR(10) NOT NULL DEFAULT 'dest')");
        try (Migration migration = new Migration(stack, "m-types-f", List.of(db))) {
            migration.start(Map.of("migration.types", "full"), Map.of());
            migration.awaitCompletedOffset(Duration.ofSeconds(120));
            awaitTrue("the rows in the destination's own table", () -> {
                try (Connection d = stack.destination().connect()) {
                    return QueryRows.strings(d, "SELECT CONCAT(id, v, note) FROM " + db + ".t ORDER BY id")
                            .equals(List.of("1adest", "2bdest", "3cdest"));
                }
            }, migration);
        }
    }

    @Test
    void fullOnlyWithoutTheDestinationTableFailsNamingIt() throws Exception {
        String db = "mt_f_missing";
        stack.source().execute("CREATE DATABASE " + db, "USE " + db,
                "CREATE TABLE orders (id INT PRIMARY KEY)", "INSERT INTO orders VALUES (1)");
        stack.destination().execute("CREATE DATABASE " + db);
        try (Migration migration = new Migration(stack, "m-types-f-missing", List.of(db))) {
            migration.start(Map.of("migration.types", "full"), Map.of("retry.other.minutes", "1"));
            String trace = await("the sink fails on the missing destination table").atMost(Duration.ofSeconds(150))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        List<ConnectorStatus.TaskStatus> failed = stack.rest().status(migration.sink.name()).failedTasks();
                        return failed.isEmpty() ? null : failed.get(0).trace();
                    }, failure -> failure != null);
            assertTrue(trace.contains("`" + db + "`.`orders` does not exist"), trace);
            assertTrue(trace.contains("Include 'schema' in the migration types"), trace);
        }
    }

    @Test
    void incrementalOnlyMovesOnlyLaterChangesIncludingDdl() throws Exception {
        String db = "mt_i";
        stack.source().execute("CREATE DATABASE " + db, "USE " + db,
                "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')",
                "CREATE TABLE probe (id INT AUTO_INCREMENT PRIMARY KEY)");
        stack.destination().execute("CREATE DATABASE " + db, "USE " + db,
                "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))",
                "CREATE TABLE probe (id INT AUTO_INCREMENT PRIMARY KEY)");
        try (Migration migration = new Migration(stack, "m-types-i", List.of(db))) {
            migration.start(Map.of("migration.types", "incremental"), Map.of());
            // The binary log is read from the moment the capture starts: probe until a change gets through.
            awaitTrue("a probe row streamed to the destination", () -> {
                stack.source().execute("INSERT INTO " + db + ".probe VALUES ()");
                try (Connection d = stack.destination().connect()) {
                    return !QueryRows.strings(d, "SELECT id FROM " + db + ".probe").isEmpty();
                }
            }, migration);
            stack.source().execute("USE " + db,
                    "UPDATE t SET v = 'a2' WHERE id = 1",
                    "INSERT INTO t VALUES (4, 'd')",
                    "ALTER TABLE t ADD COLUMN w INT NULL",
                    "INSERT INTO t VALUES (5, 'e', 50)");
            awaitTrue("the later changes and the ADD COLUMN streamed", () -> {
                try (Connection d = stack.destination().connect()) {
                    return QueryRows.strings(d, "SELECT CONCAT_WS(':', id, v, IFNULL(w, '-')) FROM " + db + ".t ORDER BY id")
                            .equals(List.of("1:a2:-", "4:d:-", "5:e:50"));
                }
            }, migration);
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(String what, Condition condition, Migration migration) {
        migration.awaiting(what, Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(SQLException.class) // e.g. a column the sink has not added yet
                .until(condition::holds);
    }

    /**
     * Waits until the source task reports the COMPLETED phase, which it enters once it has stopped its binary log
     * reader: from then on a change on the source has nothing that could carry it to the destination.
     */
    private void awaitSourceNoLongerRead(Migration migration) {
        String bean = WorkerMetrics.sourceTask(migration.source.name());
        String jmx = stack.worker().jmxUrl();
        migration.awaiting("the source task stopped reading the source (phase COMPLETED)", Duration.ofSeconds(60))
                .untilAsserted(() -> WorkerMetrics.read(jmx, bean, "Phase"), phase -> assertEquals("COMPLETED", phase));
    }
}
