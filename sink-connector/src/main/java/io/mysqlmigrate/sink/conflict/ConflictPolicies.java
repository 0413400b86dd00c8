package io.mysqlmigrate.sink.conflict;

import io.mysqlmigrate.sink.event.RowChange;

/**
 * Where conflicts are decided: the DTS policies for tables and rows, turned into how each change is written.
 * <ul>
 *   <li>Snapshot rows follow the full-load policy: keep the destination's row, overwrite it, or fail.</li>
 *   <li>Inserted rows follow the incremental policy: overwrite or fail.</li>
 *   <li>An update always upserts: an update of a row missing on the destination inserts it.</li>
 *   <li>A delete of a missing row does nothing.</li>
 *   <li>An upsert never overwrites a row whose primary key differs: see {@link UniqueClash}.</li>
 * </ul>
 */
public record ConflictPolicies(TableConflictPolicy table, FullLoadConflictPolicy fullLoad, IncrementalConflictPolicy incremental,
                               NoPrimaryKeyPolicy noPrimaryKey) {

    public static final ConflictPolicies DEFAULTS = new ConflictPolicies(TableConflictPolicy.PRECHECK,
            FullLoadConflictPolicy.KEEP_DESTINATION, IncrementalConflictPolicy.OVERWRITE, NoPrimaryKeyPolicy.FAIL);

    /** How a change to a table that has a row identity (a primary key, or a unique key standing in for one) is written. */
    public WriteMode keyedWriteMode(RowChange.Operation operation) {
        return switch (operation) {
            case READ -> switch (fullLoad) {
                case KEEP_DESTINATION -> WriteMode.INSERT_KEEP_EXISTING;
                case OVERWRITE -> WriteMode.UPSERT;
                case FAIL -> WriteMode.INSERT;
            };
            case INSERT -> incremental == IncrementalConflictPolicy.OVERWRITE ? WriteMode.UPSERT : WriteMode.INSERT;
            case UPDATE -> WriteMode.UPSERT;
            case DELETE -> WriteMode.DELETE_BY_KEY;
            case TRUNCATE -> throw new IllegalArgumentException("TRUNCATE is not a row write");
        };
    }

    /** How a change to a table without any key is written, under the all-columns or append-only policy. */
    public WriteMode unkeyedWriteMode(RowChange.Operation operation) {
        boolean appendOnly = noPrimaryKey == NoPrimaryKeyPolicy.APPEND_ONLY;
        return switch (operation) {
            case READ, INSERT -> WriteMode.INSERT;
            case UPDATE -> appendOnly ? WriteMode.SKIP : WriteMode.UPDATE_BY_IMAGE;
            case DELETE -> appendOnly ? WriteMode.SKIP : WriteMode.DELETE_BY_IMAGE;
            case TRUNCATE -> throw new IllegalArgumentException("TRUNCATE is not a row write");
        };
    }

    /** What an upsert of this change does about a different row holding the same unique key value. */
    public UniqueClash uniqueClash(RowChange.Operation operation, WriteMode mode) {
        if (mode != WriteMode.UPSERT) {
            return UniqueClash.NONE;
        }
        if (operation == RowChange.Operation.READ) {
            return UniqueClash.DELETE_OTHER; // UPSERT for a snapshot row means the full-load policy is overwrite
        }
        return incremental == IncrementalConflictPolicy.OVERWRITE ? UniqueClash.DELETE_OTHER : UniqueClash.FAIL;
    }
}
