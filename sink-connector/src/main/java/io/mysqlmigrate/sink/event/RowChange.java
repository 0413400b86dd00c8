package io.mysqlmigrate.sink.event;

import org.apache.kafka.connect.data.Struct;

/**
 * A row inserted, read by the snapshot, updated, deleted, or a whole table truncated. {@code key} holds the
 * primary key columns (null for a table without one); {@code after} the row's new image (null for a delete).
 * {@code keyChange} tells the two halves of a primary key update apart from a real delete and insert.
 */
public record RowChange(long offset, String database, String table, Operation operation, Struct key, Struct before,
                        Struct after, SourcePosition position, KeyChange keyChange) implements ChangeEvent {

    /** A change that is not part of a primary key update. */
    public RowChange(long offset, String database, String table, Operation operation, Struct key, Struct before, Struct after,
                     SourcePosition position) {
        this(offset, database, table, operation, key, before, after, position, KeyChange.NONE);
    }

    /**
     * Debezium writes an update of a row's primary key as a delete of the old key (header
     * {@code __debezium.newkey}) followed by a create of the new one (header {@code __debezium.oldkey}). On the source
     * it was one UPDATE: ON UPDATE actions of foreign keys ran for it, never ON DELETE ones.
     */
    public enum KeyChange {
        NONE,
        /** The delete half: the row under its old key. */
        DELETES_OLD_KEY,
        /** The create half: the row under its new key. */
        CREATES_NEW_KEY
    }

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
