package io.mysqlmigrate.sink.conflict;

import io.mysqlmigrate.sink.config.ConfigChoice;

/** What to do when a table the snapshot creates already exists on the destination (DTS: conflicting tables). */
public enum TableConflictPolicy implements ConfigChoice {
    /** Refuse a destination table that already holds rows, naming it (DTS: "precheck and report errors"). */
    PRECHECK,
    /** Migrate into it; rows that collide are settled by the full-load policy (DTS: "ignore errors and proceed"). */
    IGNORE
}
