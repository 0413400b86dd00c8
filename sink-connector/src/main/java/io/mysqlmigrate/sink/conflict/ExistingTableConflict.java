package io.mysqlmigrate.sink.conflict;

import io.mysqlmigrate.sink.event.SourcePosition;
import io.mysqlmigrate.sink.retry.PolicyStopException;
import java.sql.SQLException;
import java.util.List;

/**
 * What the source's CREATE TABLE does about a destination table of that name that already exists (DTS: conflicting
 * tables, {@link TableConflictPolicy}): with the same columns it is taken as created; with other columns, or holding
 * rows under {@code conflict.table.policy=precheck}, the task stops naming it. The DDL applier asks, and runs the SQL.
 */
public final class ExistingTableConflict {

    /** Whether the destination table holds rows; asked only when the policy cares. */
    @FunctionalInterface
    public interface RowCheck {
        boolean hasRows() throws SQLException;
    }

    private ExistingTableConflict() {
    }

    /**
     * Returns when the existing table {@code quotedTable} is taken as the one the CREATE makes; throws a
     * {@link PolicyStopException} naming it and the fix otherwise.
     */
    public static void decide(TableConflictPolicy policy, String quotedTable, List<String> destinationColumns,
                              List<String> sourceColumns, SourcePosition position, RowCheck rows) throws SQLException {
        if (!destinationColumns.equals(sourceColumns)) {
            throw new PolicyStopException("Destination table " + quotedTable
                    + " already exists with columns " + destinationColumns + ", but the source's has "
                    + sourceColumns + " (DDL at " + position + "). Drop or rename the destination table, "
                    + "or exclude the table from the migration, then restart the task.");
        }
        if (policy == TableConflictPolicy.PRECHECK && rows.hasRows()) {
            throw new PolicyStopException("Destination table " + quotedTable + " already exists "
                    + "and holds rows (conflict.table.policy=precheck). Empty or drop it, exclude the table from the "
                    + "migration, or set conflict.table.policy=ignore to migrate into it (colliding rows are then "
                    + "settled by conflict.full.load.policy).");
        }
    }
}
