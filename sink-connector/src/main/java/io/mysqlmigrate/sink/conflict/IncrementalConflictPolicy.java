package io.mysqlmigrate.sink.conflict;

import io.mysqlmigrate.sink.config.ConfigChoice;

/** A row inserted on the source whose key already exists on the destination, or an update that clashes on a unique key. */
public enum IncrementalConflictPolicy implements ConfigChoice {
    /** The source's row wins (DTS's default for incremental data migration). */
    OVERWRITE,
    /** The task stops, naming the row. */
    FAIL
}
