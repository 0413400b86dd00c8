package io.mysqlmigrate.precheck.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exit codes for monitoring, the likely fixes recognised in traces, and the progress bars. */
class MigrationStatusTest {

    private static final ConnectorState RUNNING_SOURCE = new ConnectorState("m-source", "RUNNING",
            List.of(new ConnectorState.Task(0, "RUNNING", "w", null)));
    private static final ConnectorState RUNNING_SINK = new ConnectorState("m-sink", "RUNNING",
            List.of(new ConnectorState.Task(0, "RUNNING", "w", null)));

    private static MigrationStatus status(MigrationStatus.Phase phase, ConnectorState source, Long delay,
                                          List<MigrationStatus.TableProgress> tables) {
        return new MigrationStatus(Instant.EPOCH, "m", "schema,full,incremental", phase, source, RUNNING_SINK, List.of(), tables,
                delay, true, List.of());
    }

    @Test
    void exitCodeSaysWhetherTheDelayIsOverTheCap() {
        MigrationStatus s = status(MigrationStatus.Phase.INCREMENTAL, RUNNING_SOURCE, 2500L, List.of());
        assertEquals(0, s.exitCode(null));
        assertEquals(0, s.exitCode(3000L));
        assertEquals(1, s.exitCode(2000L));
    }

    @Test
    void aFailedTaskOrAMissingConnectorIsUnhealthyUnlessTheMigrationCompleted() {
        ConnectorState failed = new ConnectorState("m-source", "RUNNING",
                List.of(new ConnectorState.Task(0, "FAILED", "w", "org.apache.kafka.connect.errors.ConnectException: x\n\tat a.b")));
        assertEquals(1, status(MigrationStatus.Phase.INITIAL_LOAD, failed, null, List.of()).exitCode(null));
        ConnectorState gone = new ConnectorState("m-source", null, List.of());
        assertEquals(1, status(MigrationStatus.Phase.INCREMENTAL, gone, 0L, List.of()).exitCode(null));
        assertEquals(0, status(MigrationStatus.Phase.COMPLETED, gone, null, List.of()).exitCode(null));
    }

    @Test
    void tracesAreRecognisedForTheirLikelyFix() {
        assertTrue(TaskAdvice.likelyFix("ConnectException: Cannot read the source\nCaused by: java.sql.SQLException: Access denied for "
                + "user 'm'@'h'", "m-source").contains("account"));
        assertTrue(TaskAdvice.likelyFix("io.mysqlmigrate.source.position.LostPositionException: position purged", "m-source")
                .contains("lost.position.action=snapshot"));
        assertTrue(TaskAdvice.likelyFix("something else entirely", "m-sink").contains("/connectors/m-sink/status"));
        assertEquals(List.of("a", "b"), TaskAdvice.head("a\nb\nc", 2));
    }

    @Test
    void theTextShowsAProgressBarRateAndEtaPerTable() {
        MigrationStatus s = status(MigrationStatus.Phase.INITIAL_LOAD, RUNNING_SOURCE, null, List.of(
                new MigrationStatus.TableProgress("shop.orders", "shop.orders", 500, true, 1000, 250.0, 2L)));
        String text = StatusReport.text(s);
        assertTrue(text.contains("shop.orders [############------------]  50% 500 / ~1000 rows, 250 rows/s, ETA 2 s"), text);
        assertTrue(text.startsWith("migration m (schema,full,incremental): initial load"), text);
    }

    @Test
    void aSinkTaskRetryingWithinItsWindowIsShownPerTaskInTextAndJson() {
        io.mysqlmigrate.sink.retry.RetryEpisode episode = new io.mysqlmigrate.sink.retry.RetryEpisode(
                io.mysqlmigrate.sink.retry.FailureKind.OTHER, "Lock wait timeout exceeded",
                Instant.parse("2026-12-07T05:00:00Z"), Instant.parse("2026-12-07T05:10:00Z"), 4, "retry.other.minutes");
        MigrationStatus s = new MigrationStatus(Instant.EPOCH, "m", "schema,full,incremental", MigrationStatus.Phase.INCREMENTAL,
                RUNNING_SOURCE, RUNNING_SINK, List.of(), List.of(), 0L, true, List.of(), java.util.Map.of(0, episode));
        String text = StatusReport.text(s);
        assertTrue(text.contains("\n  RETRYING m-sink task 0: retrying since 2026-12-07T05:00:00Z (attempt 4, other failure; gives up "
                + "at 2026-12-07T05:10:00Z by retry.other.minutes): Lock wait timeout exceeded\n"), text);
        String json = StatusReport.json(s, null);
        assertTrue(json.contains("\"retrying\":[{\"connector\":\"m-sink\",\"task\":0,\"kind\":\"OTHER\",\"failure\":\"Lock wait "
                + "timeout exceeded\",\"since\":\"2026-12-07T05:00:00Z\",\"windowEnd\":\"2026-12-07T05:10:00Z\",\"attempts\":4"), json);
        assertTrue(!StatusReport.text(status(MigrationStatus.Phase.INCREMENTAL, RUNNING_SOURCE, 0L, List.of())).contains("RETRYING"));
    }

    @Test
    void aLostBinlogConnectionIsShownAndUnhealthyThoughTheTaskRuns() {
        SourceBinlog lost = new SourceBinlog(io.mysqlmigrate.source.metrics.BinlogConnection.DISCONNECTED, 12, 1);
        MigrationStatus s = new MigrationStatus(Instant.EPOCH, "m", "schema,full,incremental", MigrationStatus.Phase.INCREMENTAL,
                RUNNING_SOURCE, RUNNING_SINK, List.of(), List.of(), 0L, true, List.of(), java.util.Map.of(), lost);
        assertEquals(1, s.exitCode(null), "a RUNNING source task that reads nothing is not healthy");
        String text = StatusReport.text(s);
        assertTrue(text.contains("\n  m-source: RUNNING, task 0 RUNNING, binlog DISCONNECTED for 12 s: changes on the source are not read"),
                text);
        assertTrue(StatusReport.json(s, null).contains("\"sourceBinlog\":{\"state\":\"DISCONNECTED\",\"connected\":false,"
                + "\"disconnectedSeconds\":12,\"reconnects\":1}"), StatusReport.json(s, null));

        SourceBinlog back = new SourceBinlog(io.mysqlmigrate.source.metrics.BinlogConnection.CONNECTED, 0, 2);
        MigrationStatus ok = new MigrationStatus(Instant.EPOCH, "m", "schema,full,incremental", MigrationStatus.Phase.INCREMENTAL,
                RUNNING_SOURCE, RUNNING_SINK, List.of(), List.of(), 0L, true, List.of(), java.util.Map.of(), back);
        assertEquals(0, ok.exitCode(null));
        assertTrue(StatusReport.text(ok).contains("task 0 RUNNING, binlog connected (2 reconnections since the task started)"),
                StatusReport.text(ok));
        assertTrue(StatusReport.json(ok, null).contains("\"state\":\"CONNECTED\",\"connected\":true"));
    }
}
