package io.mysqlmigrate.sink.apply;

import io.mysqlmigrate.sink.retry.PolicyStopException;

import io.mysqlmigrate.sink.conflict.NoPrimaryKeyPolicy;
import io.mysqlmigrate.sink.event.RowChange;
import io.mysqlmigrate.sink.table.DestinationTable;
import java.util.List;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * Which columns identify a row: the primary key the change event carries, or, for a table without one, what the
 * no-primary-key policy allows (a NOT NULL unique key of the destination, or no key at all).
 */
record RowIdentity(Kind kind, List<String> columns) {

    enum Kind {
        PRIMARY_KEY,
        UNIQUE_KEY,
        NONE
    }

    static RowIdentity of(RowChange change, DestinationTable table, NoPrimaryKeyPolicy policy) {
        Struct key = change.key();
        if (key != null && !key.schema().fields().isEmpty()) {
            return new RowIdentity(Kind.PRIMARY_KEY, key.schema().fields().stream().map(Field::name).toList());
        }
        return switch (policy) {
            case FAIL -> throw new PolicyStopException("Table " + change.qualifiedName() + " has no primary key, so its rows cannot be "
                    + "applied idempotently (change at " + change.position() + "). Add a primary key on the source, exclude "
                    + "the table, or set tables.without.primary.key to unique-key, all-columns or append-only.");
            case UNIQUE_KEY -> {
                List<String> unique = table.firstNotNullUniqueKey();
                if (unique == null) {
                    throw new PolicyStopException("Table " + change.qualifiedName() + " has neither a primary key nor a unique key "
                            + "on NOT NULL columns (tables.without.primary.key=unique-key). Add one, or choose all-columns "
                            + "or append-only.");
                }
                yield new RowIdentity(Kind.UNIQUE_KEY, unique);
            }
            case ALL_COLUMNS, APPEND_ONLY -> new RowIdentity(Kind.NONE, List.of());
        };
    }

    boolean keyed() {
        return kind != Kind.NONE;
    }

    /** The image the identity's values are read from: the key itself, or the row image that has them. */
    Struct valuesOf(RowChange change) {
        if (kind == Kind.PRIMARY_KEY) {
            return change.key();
        }
        return change.after() != null ? change.after() : change.before();
    }
}
