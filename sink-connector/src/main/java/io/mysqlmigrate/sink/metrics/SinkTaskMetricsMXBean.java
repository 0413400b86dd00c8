package io.mysqlmigrate.sink.metrics;

import java.util.Map;

/** The sink task's metrics, registered as {@code io.mysqlmigrate:type=sink-task,connector=<name>,task=<id>}. */
public interface SinkTaskMetricsMXBean {

    /** Change events applied and committed with their offsets (rows, DDL, transaction boundaries). */
    long getRecordsApplied();

    /** Rows committed per destination table ({@code database.table}). */
    Map<String, Long> getRowsAppliedByTable();

    /** DDL statements handled, by outcome (applied, created, skipped-exists, already-in-effect, ...). */
    Map<String, Long> getDdlByOutcome();

    /**
     * Conflicts the policies settled, by how: {@code unique-key-row-replaced} (overwrite: a destination row holding an
     * incoming row's unique value under another key was deleted), {@code fail} (the fail policy stopped the task).
     * Rows the keep-destination policy left alone are not counted: the driver reports them like inserted ones.
     */
    Map<String, Long> getConflictsByPolicy();

    /** Failed apply attempts that were retried within their window. */
    long getRetries();

    /** Milliseconds waited under the throttle caps. */
    long getThrottledMillis();

    /** Records sent to the dead-letter queue. */
    long getDeadLettered();

    /**
     * Milliseconds between the newest applied event's commit on the source (binary log timestamp, 1 s resolution) and
     * its commit on the destination; -1 before the first.
     */
    long getDelayMillis();

    /**
     * Whether the task is retrying a failure within its retry window (it then shows RUNNING in Connect and applies
     * nothing); false again once a batch succeeds.
     */
    boolean isRetrying();

    /** The failure being retried (its first line), or an empty string. */
    String getRetryFailure();

    /** When the failure being retried first happened (epoch milliseconds), or 0. */
    long getRetryingSinceEpochMillis();

    /** When the retry window ends and the task fails unless a batch succeeded (epoch milliseconds), or 0. */
    long getRetryWindowEndEpochMillis();

    /** Failed attempts of the failure being retried, or 0. */
    int getRetryAttempts();
}
