package io.mysqlmigrate.sink.state;

import org.apache.kafka.connect.errors.ConnectException;

/** A partition the sink refuses to start from the destination's state ({@link ReplayCheck}): the task fails at once. */
public final class ReplayRefusedException extends ConnectException {

    public ReplayRefusedException(String message) {
        super(message);
    }
}
