package io.mysqlmigrate.sink.conflict;

/** How one row change is written, decided by {@link ConflictPolicies}. */
public enum WriteMode {
    /** INSERT ... ON DUPLICATE KEY UPDATE: the row ends up as the source has it. */
    UPSERT,
    /** INSERT that leaves an existing row with the same key untouched. */
    INSERT_KEEP_EXISTING,
    /** Plain INSERT: a row with the same key is an error (or, without any key, a duplicate). */
    INSERT,
    /** DELETE by key. */
    DELETE_BY_KEY,
    /**
     * DELETE by key of a row the source deleted, in a table a foreign key with an ON DELETE action references: run
     * with the destination's foreign key checks on, so its engine changes the referencing rows as the source's did
     * (MariaDB and MySQL up to 8.4 do not log those changes; MySQL 9.7 logs them, and they were applied before).
     */
    DELETE_WITH_FOREIGN_KEYS,
    /**
     * UPDATE ... SET every column WHERE the old key, foreign key checks on: a change of values that a foreign key with
     * an ON UPDATE action references (a primary key update arrives as delete + create and is applied as this one
     * UPDATE, so ON UPDATE actions run, not ON DELETE ones). Followed by an upsert of the new row, for a replay.
     */
    UPDATE_KEY_WITH_FOREIGN_KEYS,
    /** UPDATE ... WHERE every column equals the old image ... LIMIT 1 (tables without any key). */
    UPDATE_BY_IMAGE,
    /** DELETE ... WHERE every column equals the old image ... LIMIT 1 (tables without any key). */
    DELETE_BY_IMAGE,
    /** Not written (updates and deletes of an append-only table). */
    SKIP;

    /** Whether the write runs the destination's foreign key actions, so it must meet the source's state exactly. */
    public boolean runsForeignKeyActions() {
        return this == DELETE_WITH_FOREIGN_KEYS || this == UPDATE_KEY_WITH_FOREIGN_KEYS;
    }
}
