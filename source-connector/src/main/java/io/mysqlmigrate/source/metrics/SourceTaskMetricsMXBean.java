package io.mysqlmigrate.source.metrics;

/**
 * The source task's metrics, registered as {@code io.mysqlmigrate:type=source-task,connector=<name>}. Debezium's own
 * snapshot and streaming metrics stay registered beside them ({@code debezium.mysql:} or {@code debezium.mariadb:}).
 */
public interface SourceTaskMetricsMXBean {

    /** STARTING, SNAPSHOT, INCREMENTAL or COMPLETED. */
    String getPhase();

    /** Records handed to Kafka (rows, DDL, transaction boundaries). */
    long getRecordsForwarded();

    /** Records held back by the migration types, the object selection, the row filters or the operation filters. */
    long getRecordsFiltered();

    /**
     * Milliseconds between the newest forwarded event's commit on the source and its hand-over to Kafka; from the
     * heartbeat's sub-second timestamp when heartbeats are on, otherwise from binary log timestamps (1 s resolution).
     * -1 before the first streamed event.
     */
    long getDelayMillis();

    /** Milliseconds the task has waited under the throttle caps. */
    long getThrottledMillis();

    /**
     * The binary log reader's connection to the source: NOT_STREAMING (before streaming starts, or after a migration
     * without incremental stopped reading), CONNECTED, or DISCONNECTED (lost; the task still shows RUNNING in Connect).
     */
    String getBinlogConnection();

    /** True while the binary log reader is connected to the source. */
    boolean isBinlogConnected();

    /** Whole seconds since the binary log connection was lost; 0 while it is connected or not streaming. */
    long getBinlogDisconnectedSeconds();

    /** Times the binary log connection was lost and re-established since the task started. */
    long getBinlogReconnects();
}
