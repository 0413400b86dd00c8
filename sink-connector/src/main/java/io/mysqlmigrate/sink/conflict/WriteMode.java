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
    /** UPDATE ... WHERE every column equals the old image ... LIMIT 1 (tables without any key). */
    UPDATE_BY_IMAGE,
    /** DELETE ... WHERE every column equals the old image ... LIMIT 1 (tables without any key). */
    DELETE_BY_IMAGE,
    /** Not written (updates and deletes of an append-only table). */
    SKIP
}
