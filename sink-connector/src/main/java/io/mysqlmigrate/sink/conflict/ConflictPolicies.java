package io.mysqlmigrate.sink.conflict;

import io.mysqlmigrate.sink.event.RowChange;
import io.mysqlmigrate.sink.retry.ApplyException;
import io.mysqlmigrate.sink.retry.PolicyStopException;
import java.sql.SQLException;
import java.util.List;

/**
 * Where conflicts are decided: the DTS policies for tables and rows, turned into how each change is written.
 * <ul>
 *   <li>Snapshot rows follow the full-load policy: keep the destination's row, overwrite it, or fail.</li>
 *   <li>Inserted rows follow the incremental policy: overwrite or fail.</li>
 *   <li>An update always upserts: an update of a row missing on the destination inserts it.</li>
 *   <li>A delete of a missing row does nothing.</li>
 *   <li>An upsert never overwrites a row whose primary key differs: see {@link UniqueClash}.</li>
 *   <li>A duplicate key the destination reports is a policy stop, or a destination out of the source's state:
 *   {@link #duplicateKey}.</li>
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

    /**
     * What a duplicate key error of a keyed write means, to be thrown by the writer: under a fail policy (a plain
     * INSERT) the policy stops the task; otherwise no policy chose it, and the destination is not in the source's state.
     *
     * @param first the first change of the run being written (the message says where it came from)
     * @param changes the changes of the statement that failed
     */
    public RuntimeException duplicateKey(String table, WriteMode mode, RowChange first, List<RowChange> changes, SQLException e,
                                         String sql) {
        if (mode == WriteMode.INSERT) {
            return new PolicyStopException("Conflict in " + table + ": a row with the same key already exists "
                    + "on the destination (" + e.getMessage() + "; changes from " + first.position() + "). The "
                    + "conflict policy is fail (" + (first.operation() == RowChange.Operation.READ
                    ? "conflict.full.load.policy" : "conflict.incremental.policy") + "): remove the destination row, "
                    + "or choose keep-destination or overwrite.", e);
        }
        // No policy chose this: an upsert (or an insert keeping the destination's row) met a unique value
        // held by a row the guard did not clear, i.e. the destination is not in the source's state.
        return new ApplyException("The destination rejected " + changes.size() + " row change(s) of " + table
                + " (changes from " + first.position() + " to " + changes.get(changes.size() - 1).position()
                + ") on a unique key: " + e.getMessage() + ". The conflict policies in effect (conflict.full.load.policy="
                + fullLoad.configValue() + ", conflict.incremental.policy=" + incremental.configValue()
                + ") write these rows over the destination's; a destination row holding this value under another key "
                + "is not in the source's state at this point. Compare the table with the source (mysql-migrate verify) "
                + "and remove the destination's row, then restart the task.\nStatement: "
                + (sql.length() <= 300 ? sql : sql.substring(0, 300) + "..."), e);
    }
}
