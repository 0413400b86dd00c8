package io.mysqlmigrate.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.stack.ConnectorStatus;
import io.mysqlmigrate.stack.SharedStack;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Online schema changes on a migrated table, through the real stack (source and destination MariaDB, Kafka,
 * Connect), as gh-ost runs them: a change-log table, a shadow table created LIKE the original and altered, rows
 * copied into it while the application keeps writing to the original (each write applied to both), then the swap
 * RENAME and the clean-up. Both modes must end with the destination's table in the new shape with every row; the
 * same swap by pt-online-schema-change must be refused naming the table.
 */
class OnlineDdlOnMariaDbKafkaConnectIT {

    private final SharedStack stack = SharedStack.get();

    @Test
    void replayModeKeepsShadowTablesOutAndAltersTheRealTableAtTheCutOver() throws Exception {
        runGhOst("od_replay", "m-ghost-replay", "replay");
        try (Connection d = stack.destination().connect()) {
            assertEquals(List.of("t"), QueryRows.strings(d, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'od_replay'"),
                    "the shadow and change-log tables never reach the destination");
        }
    }

    @Test
    void copyModeMigratesTheShadowTablesAsTheyHappened() throws Exception {
        runGhOst("od_copy", "m-ghost-copy", "copy");
    }

    @Test
    void theHeldAlterSurvivesARestartOfTheSourceTaskBeforeTheSwap() throws Exception {
        runGhOst("od_restart", "m-ghost-restart", "replay", true);
    }

    @Test
    void aPtOnlineSchemaChangeSwapIsRefusedNamingTheTable() throws Exception {
        String db = "od_ptosc";
        stack.source().execute("CREATE DATABASE " + db, "USE " + db, "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO t VALUES (1, 'a')");
        try (Migration migration = new Migration(stack, "m-ptosc", List.of(db))) {
            migration.start();
            migration.awaitSinkProgress(1, false, Duration.ofSeconds(120));
            stack.source().execute("USE " + db, "CREATE TABLE _t_new LIKE t", "ALTER TABLE _t_new ADD COLUMN c INT NULL",
                    "INSERT INTO _t_new (id, v) SELECT id, v FROM t", "RENAME TABLE t TO _t_old, _t_new TO t");
            String trace = await("the source task refuses the pt-online-schema-change swap").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        List<ConnectorStatus.TaskStatus> failed = stack.rest().status(migration.source.name()).failedTasks();
                        return failed.isEmpty() ? null : failed.get(0).trace();
                    }, failure -> failure != null);
            assertTrue(trace.contains("pt-online-schema-change swapped od_ptosc.t"), trace);
        }
    }

    private void runGhOst(String db, String name, String mode) throws Exception {
        runGhOst(db, name, mode, false);
    }

    private void runGhOst(String db, String name, String mode, boolean restartBeforeSwap) throws Exception {
        stack.source().execute("CREATE DATABASE " + db, "USE " + db,
                "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        try (Migration migration = new Migration(stack, name, List.of(db))) {
            migration.start(Map.of("online.ddl.mode", mode), Map.of());
            migration.awaitSinkProgress(1, false, Duration.ofSeconds(120));
            stack.source().execute("USE " + db,
                    "CREATE TABLE _t_ghc (id BIGINT AUTO_INCREMENT PRIMARY KEY, last_update TIMESTAMP DEFAULT CURRENT_TIMESTAMP, "
                            + "hint VARCHAR(64) NOT NULL, value VARCHAR(4096) NOT NULL, UNIQUE KEY hint_uidx (hint))",
                    "INSERT INTO _t_ghc (hint, value) VALUES ('state', 'GhostTableMigrated')",
                    "CREATE TABLE _t_gho LIKE t",
                    "ALTER TABLE _t_gho ADD COLUMN c INT NOT NULL DEFAULT 7, ADD KEY ix_v (v)",
                    "INSERT INTO _t_gho (id, v) SELECT id, v FROM t WHERE id <= 2",
                    // the application writes on; gh-ost applies each change to the shadow table from the binary log
                    "INSERT INTO t VALUES (4, 'd')", "INSERT INTO _t_gho (id, v) VALUES (4, 'd')",
                    "UPDATE t SET v = 'a2' WHERE id = 1", "UPDATE _t_gho SET v = 'a2' WHERE id = 1",
                    "INSERT INTO _t_gho (id, v) SELECT id, v FROM t WHERE id = 3",
                    "DELETE FROM t WHERE id = 2", "DELETE FROM _t_gho WHERE id = 2",
                    "UPDATE _t_ghc SET value = 'AllEventsUpToLockProcessed' WHERE hint = 'state'");
            // Before the cut-over: the real table is current on the destination; the shadow exists there only in copy mode.
            migration.awaitDestinationRows("SELECT CONCAT_WS(':', id, v) FROM " + db + ".t ORDER BY id", List.of("1:a2", "3:c", "4:d"));
            try (Connection d = stack.destination().connect()) {
                assertEquals(mode.equals("copy") ? List.of("_t_ghc", "_t_gho", "t") : List.of("t"),
                        QueryRows.strings(d, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + db + "'")
                                .stream().sorted().toList());
            }
            if (restartBeforeSwap) {
                awaitStoredPendingAlter(migration);
                stack.rest().restartTask(migration.source.name(), 0);
                stack.rest().waitUntilRunning(migration.source.name(), Duration.ofSeconds(60));
            }
            stack.source().execute("USE " + db,
                    "RENAME TABLE t TO _t_del, _t_gho TO t",
                    "DROP TABLE IF EXISTS _t_del",
                    "DROP TABLE IF EXISTS _t_ghc",
                    "INSERT INTO t VALUES (5, 'after', 9)");
            migration.awaitDestinationRows("SELECT CONCAT_WS(':', id, v, c) FROM " + db + ".t ORDER BY id",
                    List.of("1:a2:7", "3:c:7", "4:d:7", "5:after:9"));
            try (Connection d = stack.destination().connect()) {
                assertEquals(List.of("ix_v", "PRIMARY"), QueryRows.strings(d, "SELECT DISTINCT INDEX_NAME FROM information_schema.STATISTICS "
                        + "WHERE TABLE_SCHEMA = '" + db + "' AND TABLE_NAME = 't' ORDER BY 1"));
            }
            migration.awaitIdentical(Duration.ofSeconds(60));
        }
    }

    /** Waits until Connect has stored the held ALTER in the source connector's offsets. */
    private void awaitStoredPendingAlter(Migration migration) {
        await("the held ALTER stored in the source connector's offsets").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    for (var entry : stack.rest().get("/connectors/" + migration.source.name() + "/offsets").path("offsets")) {
                        if (entry.path("partition").has("mysqlmigrate.onlineddl")
                                && entry.path("offset").path("pending.alters").asText().contains("ADD COLUMN c")) {
                            return true;
                        }
                    }
                    return false;
                });
    }
}
