package io.mysqlmigrate.source.phase;

/** Where a source task is in its migration, as its metrics and logs report it. */
public enum MigrationPhase {
    STARTING,
    /** Reading the schema and, with full migration, the existing rows. */
    SNAPSHOT,
    /** Following the binary log. */
    INCREMENTAL,
    /** A migration without incremental has handed everything to Kafka and stopped reading the source. */
    COMPLETED
}
