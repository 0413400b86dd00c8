package io.mysqlmigrate.source.metrics;

/** The state of the source task's binary log connection, as {@link SourceTaskMetricsMXBean#getBinlogConnection()} tells it. */
public enum BinlogConnection {
    /** Not reading the binary log: the snapshot runs first, or a migration without incremental has ended. */
    NOT_STREAMING,
    CONNECTED,
    /** Lost; the reader is reconnecting. */
    DISCONNECTED
}
