package io.mysqlmigrate.precheck.progress;

import io.mysqlmigrate.sink.retry.RetryEpisode;
import io.mysqlmigrate.sink.state.ProgressStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where one migration stands, gathered from Connect's REST API, the sink's progress in the destination, Kafka's end
 * offsets and both servers' tables.
 *
 * @param delayMs    replication delay over the databases that stream (null when none does); see {@link StatusCollector}
 * @param delayExact false when Kafka could not be asked how far the topics go, so the delay is the last apply's lag
 * @param notes      what could not be measured, and why
 * @param retrying   sink tasks Connect shows RUNNING that are retrying a failure within their retry window, by task id
 * @param binlog     the source task's binary log connection, read over the worker's JMX; null when not asked for
 */
public record MigrationStatus(Instant at, String migration, String migrationTypes, Phase phase, ConnectorState source,
                              ConnectorState sink, List<PartitionView> partitions, List<TableProgress> tables, Long delayMs,
                              boolean delayExact, List<String> notes, Map<Integer, RetryEpisode> retrying, SourceBinlog binlog) {

    public MigrationStatus {
        retrying = Map.copyOf(retrying);
    }

    public MigrationStatus(Instant at, String migration, String migrationTypes, Phase phase, ConnectorState source,
                           ConnectorState sink, List<PartitionView> partitions, List<TableProgress> tables, Long delayMs,
                           boolean delayExact, List<String> notes, Map<Integer, RetryEpisode> retrying) {
        this(at, migration, migrationTypes, phase, source, sink, partitions, tables, delayMs, delayExact, notes, retrying, null);
    }

    public MigrationStatus(Instant at, String migration, String migrationTypes, Phase phase, ConnectorState source,
                           ConnectorState sink, List<PartitionView> partitions, List<TableProgress> tables, Long delayMs,
                           boolean delayExact, List<String> notes) {
        this(at, migration, migrationTypes, phase, source, sink, partitions, tables, delayMs, delayExact, notes, Map.of());
    }

    public enum Phase {
        /** Neither connector is registered and the sink has recorded nothing. */
        NOT_STARTED,
        /** Schema and existing rows are being copied. */
        INITIAL_LOAD,
        /** Every database streams from the binary log. */
        INCREMENTAL,
        /** A migration without incremental finished: the source recorded completion and the sink applied everything. */
        COMPLETED
    }

    /** One database topic as the sink applied it; {@code endOffset} is null when Kafka could not be asked. */
    public record PartitionView(String topic, int partition, long nextOffset, Long endOffset, String phase, long sourceTsMs,
                                String sourcePosition) {
        public Long behind() {
            return endOffset == null ? null : Math.max(0, endOffset - nextOffset);
        }

        /** Whether the sink has applied a change streamed from the binary log for this database. */
        public boolean streams() {
            return ProgressStore.PHASE_INCREMENTAL.equals(phase);
        }
    }

    /**
     * One table during the initial load: rows on the destination against the source's estimate (information_schema,
     * which InnoDB only estimates), and, from the previous refresh, the rate and the time left.
     */
    public record TableProgress(String source, String destination, long rowsDone, boolean doneExact, long rowsEstimated,
                                Double rowsPerSecond, Long etaSeconds) {
        public double fraction() {
            return rowsEstimated <= 0 ? (rowsDone > 0 ? 1 : 0) : Math.min(1.0, (double) rowsDone / rowsEstimated);
        }
    }

    /** Failed tasks of both connectors (a failed connector counts as task -1). */
    public List<ConnectorState.Task> failedTasks() {
        return java.util.stream.Stream.of(source, sink).flatMap(c -> c.failedTasks().stream()).toList();
    }

    /**
     * 0 healthy; 1 a task failed, a connector is missing while the migration is not completed, the source task has lost
     * its binary log connection, or delay exceeds the cap.
     */
    public int exitCode(Long maxDelayMs) {
        if (!failedTasks().isEmpty() || (binlog != null && binlog.disconnected())) {
            return 1;
        }
        if (phase != Phase.COMPLETED && (!source.registered() || !sink.registered())) {
            return 1;
        }
        return maxDelayMs != null && delayMs != null && delayMs > maxDelayMs ? 1 : 0;
    }
}
