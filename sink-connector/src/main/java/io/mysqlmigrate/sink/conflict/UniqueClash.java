package io.mysqlmigrate.sink.conflict;

/**
 * What an upsert does when its row collides on a secondary unique key with a destination row that has a different
 * primary key. MySQL's ON DUPLICATE KEY UPDATE would silently overwrite that other row; the sink never lets it.
 */
public enum UniqueClash {
    /** Nothing to guard: the statement cannot overwrite another row. */
    NONE,
    /** Delete the other row first: in source order, the source has no such row any more. */
    DELETE_OTHER,
    /** Stop, naming both keys. */
    FAIL
}
