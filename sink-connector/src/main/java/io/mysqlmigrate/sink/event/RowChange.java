package io.mysqlmigrate.sink.event;

import org.apache.kafka.connect.data.Struct;

/**
 * A row inserted, read by the snapshot, updated, deleted, or a whole table truncated. {@code key} holds the
 * primary key columns (null for a table without one); {@code after} the row's new image (null for a delete).
 */
public record RowChange(long offset, String database, String table, Operation operation, Struct key, Struct before,
                        Struct after, SourcePosition position) implements ChangeEvent {

    public enum Operation {
        /** Insert, snapshot read or update: the row must end up as {@code after}. */
        UPSERT,
        DELETE,
        TRUNCATE
    }

    public String qualifiedName() {
        return database + "." + table;
    }
}
