package io.mysqlmigrate.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mysqlmigrate.stack.ConnectorStatus;
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
 * A migration whose binary log position is purged while it is stopped, on real servers (source and destination
 * MariaDB, Kafka, Connect): it must fail naming the lost position and the recovery, never continue with a gap; with
 * the recovery switch it snapshots again and the destination converges, including the rows written during the gap.
 */
class LostPositionOnMariaDbKafkaConnectIT {

    private final SharedStack stack = SharedStack.get();

    @Test
    void aPurgedPositionFailsLoudlyAndTheSwitchRecoversWithAFreshSnapshot() throws Exception {
        String db = "lp_shop";
        stack.source().execute("CREATE DATABASE " + db, "USE " + db,
                "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))", "INSERT INTO t VALUES (1, 'a'), (2, 'b')");
        try (Migration migration = new Migration(stack, "m-lost", List.of(db))) {
            migration.start();
            migration.awaitSinkProgress(1, false, Duration.ofSeconds(120));
            stack.source().execute("INSERT INTO " + db + ".t VALUES (3, 'streamed')");
            migration.awaitSinkProgress(1, true, Duration.ofSeconds(60));
            migration.awaitIdentical(Duration.ofSeconds(60));

            stack.rest().stop(migration.source.name());
            Thread.sleep(2000);
            stack.source().execute("USE " + db, "INSERT INTO t VALUES (4, 'during the gap')", "UPDATE t SET v = 'gap' WHERE id = 1",
                    "FLUSH BINARY LOGS", "FLUSH BINARY LOGS");
            String newest = purgeAllButNewestBinaryLog();

            stack.rest().resume(migration.source.name());
            String trace = awaitFailedSourceTask(migration);
            assertTrue(trace.contains("has been purged from the source"), trace);
            assertTrue(trace.contains("lost.position.action=snapshot"), trace);
            assertTrue(trace.contains("its oldest binary log is now " + newest), trace);

            Map<String, String> source = new LinkedHashMap<>(migration.source.config());
            source.put("lost.position.action", "snapshot");
            Map<String, String> sink = new LinkedHashMap<>(migration.sink.config());
            sink.put("conflict.full.load.policy", "overwrite");
            stack.rest().createOrUpdate(migration.sink.name(), sink);
            stack.rest().createOrUpdate(migration.source.name(), source);
            awaitRestartedWithTheNewSetting(migration);
            migration.awaitIdentical(Duration.ofSeconds(120));

            stack.source().execute("INSERT INTO " + db + ".t VALUES (5, 'after recovery')");
            migration.awaitIdentical(Duration.ofSeconds(60));
        }
    }

    /**
     * Purges every binary log but the newest. The server keeps a file a replica connection still reads, and the
     * stopped capture's connection lingers until the server notices it is gone, so such connections are ended first.
     */
    private String purgeAllButNewestBinaryLog() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Connection c = stack.source().connect(); Statement s = c.createStatement()) {
            while (true) {
                List<Long> dumps = new java.util.ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT ID FROM information_schema.PROCESSLIST WHERE COMMAND LIKE 'Binlog Dump%'")) {
                    while (rs.next()) {
                        dumps.add(rs.getLong(1));
                    }
                }
                for (long id : dumps) {
                    s.execute("KILL " + id);
                }
                List<String> logs = new java.util.ArrayList<>();
                try (ResultSet rs = s.executeQuery("SHOW BINARY LOGS")) {
                    while (rs.next()) {
                        logs.add(rs.getString(1));
                    }
                }
                String newest = logs.get(logs.size() - 1);
                if (logs.size() == 1) {
                    return newest;
                }
                if (System.nanoTime() > deadline) {
                    fail("The source kept binary logs " + logs + " after PURGE");
                }
                s.execute("PURGE BINARY LOGS TO '" + newest + "'");
                Thread.sleep(200);
            }
        }
    }

    /**
     * The config update restarts the task, but the status can still show the failed task of the old config for a
     * moment: restart it until it runs (a restart under the new setting recovers).
     */
    private void awaitRestartedWithTheNewSetting(Migration migration) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long nextRestart = 0;
        while (System.nanoTime() < deadline) {
            ConnectorStatus status;
            try {
                status = stack.rest().status(migration.source.name());
            } catch (io.mysqlmigrate.stack.ConnectRestException settling) {
                Thread.sleep(500);
                continue;
            }
            if (!status.tasks().isEmpty() && status.tasks().get(0).isRunning()) {
                return;
            }
            if (!status.failedTasks().isEmpty() && System.nanoTime() > nextRestart) {
                stack.rest().restartTask(migration.source.name(), 0);
                nextRestart = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            }
            Thread.sleep(500);
        }
        fail("The source task did not run again with lost.position.action=snapshot: " + stack.rest().status(migration.source.name()));
    }

    private String awaitFailedSourceTask(Migration migration) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            List<ConnectorStatus.TaskStatus> failed = stack.rest().status(migration.source.name()).failedTasks();
            if (!failed.isEmpty()) {
                return failed.get(0).trace();
            }
            Thread.sleep(500);
        }
        fail("The source task did not fail on the purged position: " + stack.rest().status(migration.source.name()));
        return null;
    }
}
