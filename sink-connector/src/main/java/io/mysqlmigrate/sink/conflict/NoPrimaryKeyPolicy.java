package io.mysqlmigrate.sink.conflict;

import io.mysqlmigrate.sink.config.ConfigChoice;

/** How rows of a table without a primary key are identified on the destination. */
public enum NoPrimaryKeyPolicy implements ConfigChoice {
    /** Stop, naming the table: without a key a replay duplicates rows. */
    FAIL,
    /** Use the destination's first unique key whose columns are NOT NULL, as if it were the primary key. */
    UNIQUE_KEY,
    /** Match updates and deletes on every column of the old row image, one row at a time; inserts can duplicate on replay. */
    ALL_COLUMNS,
    /** Insert every inserted or snapshot row; updates and deletes are not applied. */
    APPEND_ONLY
}
