package io.mysqlmigrate.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.stack.ConnectorStatus;
import io.mysqlmigrate.stack.SharedStack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
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
            await("the source connector stopped with no task left").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> stack.rest().status(migration.source.name()),
                            status -> assertTrue("STOPPED".equals(status.state()) && status.tasks().isEmpty(), status::toString));
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
        try (Connection c = stack.source().connect(); Statement s = c.createStatement()) {
            List<String> logs = new java.util.ArrayList<>();
            return await("the source keeps only its newest binary log after PURGE").atMost(Duration.ofSeconds(30))
                    .pollInSameThread().pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        List<Long> dumps = new java.util.ArrayList<>();
                        try (ResultSet rs = s.executeQuery("SELECT ID FROM information_schema.PROCESSLIST WHERE COMMAND LIKE 'Binlog Dump%'")) {
                            while (rs.next()) {
                                dumps.add(rs.getLong(1));
                            }
                        }
                        for (long id : dumps) {
                            s.execute("KILL " + id);
                        }
                        logs.clear();
                        try (ResultSet rs = s.executeQuery("SHOW BINARY LOGS")) {
                            while (rs.next()) {
                                logs.add(rs.getString(1));
                            }
                        }
                        String newest = logs.get(logs.size() - 1);
                        if (logs.size() == 1) {
                            return newest;
                        }
                        s.execute("PURGE BINARY LOGS TO '" + newest + "'");
                        return "kept " + logs;
                    }, result -> !result.startsWith("kept "));
        }
    }

    /**
     * The config update restarts the task, but the status can still show the failed task of the old config for a
     * moment: restart it until it runs (a restart under the new setting recovers).
     */
    private void awaitRestartedWithTheNewSetting(Migration migration) {
        AtomicLong nextRestart = new AtomicLong(System.nanoTime());
        await("the source task runs again with lost.position.action=snapshot").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    ConnectorStatus status;
                    try {
                        status = stack.rest().status(migration.source.name());
                    } catch (io.mysqlmigrate.stack.ConnectRestException settling) {
                        return false;
                    }
                    if (!status.tasks().isEmpty() && status.tasks().get(0).isRunning()) {
                        return true;
                    }
                    if (!status.failedTasks().isEmpty() && System.nanoTime() - nextRestart.get() >= 0) {
                        stack.rest().restartTask(migration.source.name(), 0); // at most one restart every 5 s
                        nextRestart.set(System.nanoTime() + Duration.ofSeconds(5).toNanos());
                    }
                    return false;
                });
    }

    private String awaitFailedSourceTask(Migration migration) {
        return await("the source task fails on the purged position").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    List<ConnectorStatus.TaskStatus> failed = stack.rest().status(migration.source.name()).failedTasks();
                    return failed.isEmpty() ? null : failed.get(0).trace();
                }, trace -> trace != null);
    }
}
