package io.mysqlmigrate.sink.retry;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * A change the destination did not take, with what an operator needs to act: the table, the statement and the
 * source position are in the message. The cause is the destination's own error.
 */
public class ApplyException extends ConnectException {

    public ApplyException(String message, Throwable cause) {
        super(message, cause);
    }

    public ApplyException(String message) {
        super(message);
    }
}
