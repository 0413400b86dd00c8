package io.mysqlmigrate.sink.event;

import org.apache.kafka.connect.data.Struct;

/**
 * A row inserted, read by the snapshot, updated, deleted, or a whole table truncated. {@code key} holds the
 * primary key columns (null for a table without one); {@code after} the row's new image (null for a delete).
 */
public record RowChange(long offset, String database, String table, Operation operation, Struct key, Struct before,
                        Struct after, SourcePosition position) implements ChangeEvent {

    public enum Operation {
        /** Read by the snapshot (full load): the row must end up as {@code after}. */
        READ,
        /** Inserted on the source. */
        INSERT,
        /** Updated on the source: the row must end up as {@code after}, whatever the destination had. */
        UPDATE,
        DELETE,
        TRUNCATE;

        /** Whether the change leaves a row ({@code after}) behind. */
        public boolean writesRow() {
            return this == READ || this == INSERT || this == UPDATE;
        }
    }

    public String qualifiedName() {
        return database + "." + table;
    }
}
