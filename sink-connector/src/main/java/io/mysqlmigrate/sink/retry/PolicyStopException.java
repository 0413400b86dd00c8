package io.mysqlmigrate.sink.retry;

/**
 * A stop the configuration asks for: a conflict under a 'fail' or 'precheck' policy, a table without a key under
 * 'fail', a destination table whose structure differs from the source's, a DDL statement the destination refuses for good
 * (a missing privilege, the binary log's rules for stored functions). Retrying cannot change the outcome, so
 * the task fails at once, visibly, instead of retrying within the windows.
 */
public final class PolicyStopException extends ApplyException {

    public PolicyStopException(String message) {
        super(message);
    }

    public PolicyStopException(String message, Throwable cause) {
        super(message, cause);
    }
}
