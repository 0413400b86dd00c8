package io.mysqlmigrate.precheck.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.sink.retry.FailureKind;
import io.mysqlmigrate.sink.retry.RetryEpisode;
import io.mysqlmigrate.sink.retry.RetryRecords;
import io.mysqlmigrate.dialect.Flavour;
import io.mysqlmigrate.stack.DatabaseServer;
import io.mysqlmigrate.stack.SharedStack;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What status reads of the sink's retries from a real destination of either flavour: the episodes its tasks recorded in the state
 * database, for the tasks Connect shows RUNNING only (a failed task's leftover row is not a retry), nothing before the
 * sink created the table, and the RETRYING line it prints.
 */
class StatusRetryingOnMariaDbAndMySqlIT {

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void theRunningTasksRecordedEpisodesAreReadAndPrinted(Flavour flavour) throws Exception {
        DatabaseServer destination = SharedStack.databasesOnly().server(flavour, SharedStack.Role.DESTINATION);
        String state = "st_retry_" + System.nanoTime() % 1_000_000;
        ConnectorState sink = new ConnectorState("shop-sink", "RUNNING", List.of(
                new ConnectorState.Task(0, "RUNNING", "w1", null), new ConnectorState.Task(1, "FAILED", "w2", "trace")));
        try (Connection d = destination.connect()) {
            assertEquals(Map.of(), StatusCollector.retrying(d, state, sink), "nothing before the sink created its table");

            destination.execute("CREATE DATABASE " + state);
            d.setAutoCommit(false); // as the sink's connections are
            RetryEpisode locked = new RetryEpisode(FailureKind.OTHER, "Lock wait timeout exceeded; try restarting transaction",
                    Instant.parse("2026-12-07T05:00:00Z"), Instant.parse("2026-12-07T05:10:00Z"), 5, "retry.other.minutes");
            for (int task : List.of(0, 1)) {
                RetryRecords records = new RetryRecords(state, "shop-sink", task);
                records.createIfMissing(d);
                records.write(d, locked);
            }
            new RetryRecords(state, "other-sink", 0).write(d, locked);

            Map<Integer, RetryEpisode> retrying = StatusCollector.retrying(d, state, sink);
            assertEquals(Map.of(0, locked), retrying, "task 1 failed: its row says nothing about a retry");

            MigrationStatus status = new MigrationStatus(Instant.EPOCH, "shop", "schema,full,incremental",
                    MigrationStatus.Phase.INCREMENTAL, new ConnectorState("shop-source", "RUNNING", List.of()), sink, List.of(),
                    List.of(), 0L, true, List.of(), retrying);
            String text = StatusReport.text(status);
            assertTrue(text.contains("  RETRYING shop-sink task 0: retrying since 2026-12-07T05:00:00Z (attempt 5, other failure; gives "
                    + "up at 2026-12-07T05:10:00Z by retry.other.minutes): Lock wait timeout exceeded; try restarting transaction\n"), text);

            new RetryRecords(state, "shop-sink", 0).clear(d);
            assertEquals(Map.of(), StatusCollector.retrying(d, state, sink), "cleared when the task's batch succeeds");
        } finally {
            destination.execute("DROP DATABASE IF EXISTS " + state);
        }
    }
}
