package io.mysqlmigrate.sink.retry;

/** The two kinds of failure DTS retries for different lengths of time. */
public enum FailureKind {
    /** The destination cannot be reached, or dropped the connection. */
    CONNECTION,
    /** Anything else: a statement the destination rejected, a deadlock, a lock wait timeout. */
    OTHER;

    /** The retry window a failure belongs to, as {@link FailureClassifier} tells it. */
    public static FailureKind of(Throwable error) {
        return FailureClassifier.isConnectionLoss(error) ? CONNECTION : OTHER;
    }
}
