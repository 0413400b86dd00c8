package io.mysqlmigrate.sink.event;

/** One record of a database topic, as the sink understands it. */
public sealed interface ChangeEvent permits RowChange, SchemaChange, TransactionBoundary, Tombstone, Unrecognised {

    /** The record's offset in its topic partition. */
    long offset();
}
