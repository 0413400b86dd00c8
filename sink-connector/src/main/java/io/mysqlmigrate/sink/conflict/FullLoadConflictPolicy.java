package io.mysqlmigrate.sink.conflict;

import io.mysqlmigrate.sink.config.ConfigChoice;

/** A snapshot row whose key already exists on the destination. */
public enum FullLoadConflictPolicy implements ConfigChoice {
    /** The destination's row stays as it is (DTS's default for full data migration). */
    KEEP_DESTINATION,
    /** The source's row replaces it. */
    OVERWRITE,
    /** The task stops, naming the row. */
    FAIL
}
