package io.mysqlmigrate.sink.apply;

import io.mysqlmigrate.sink.retry.NeverApplicableRecordException;

import io.mysqlmigrate.sink.event.RowChange;

/**
 * A value of a change event that cannot be turned into a destination value, whatever the destination does: the
 * record can never apply. The task sends it to Connect's dead-letter queue when one is configured.
 */
public final class UnconvertibleValueException extends NeverApplicableRecordException {

    private final transient RowChange change;

    public UnconvertibleValueException(RowChange change, String column, Throwable cause) {
        super(change.offset(), "Cannot convert column '" + column + "' of " + change.qualifiedName() + " at " + change.position()
                + ": " + cause.getMessage(), cause);
        this.change = change;
    }

    public RowChange change() {
        return change;
    }
}
