package io.mysqlmigrate.precheck.cutover;

import io.mysqlmigrate.source.selection.TableName;
import io.mysqlmigrate.source.selection.TableSelection;
import java.util.List;

/**
 * Whether the sink has applied every transaction of a database up to the source's final position, read from the
 * source's binary log itself: after the transaction the sink applied last for the database (it records where that
 * transaction starts), is there another one that changes a selected table of that database, or runs a statement in
 * it? The answer names the first such event. Statements that define views, routines, triggers and events do not count:
 * nothing of theirs reaches the sink through the stream (see {@link BinlogEvent#definesObject()}).
 */
public final class PendingChanges {

    private PendingChanges() {
    }

    /**
     * @param events       binary log events in order, ending at the final position
     * @param appliedFile  binary log file of the transaction the sink applied last for this database; null if none yet
     * @param appliedPos   where that transaction starts
     * @return the first event of a later transaction that concerns the database, or null when there is none
     */
    public static BinlogEvent firstPending(List<BinlogEvent> events, String appliedFile, long appliedPos, String database,
                                           TableSelection selection) {
        // Events after the applied transaction's start belong to it until the next transaction starts.
        boolean inApplied = appliedFile != null;
        for (BinlogEvent e : events) {
            if (appliedFile != null && !e.after(appliedFile, appliedPos)) {
                continue;
            }
            if (e.startsTransaction()) {
                inApplied = false;
            }
            if (inApplied) {
                continue;
            }
            String table = e.mappedTable();
            if (table != null) {
                int dot = table.indexOf('.');
                if (dot > 0 && table.substring(0, dot).equals(database)
                        && selection.selected(new TableName(database, table.substring(dot + 1)))) {
                    return e;
                }
            }
            if (database.equals(e.statementDatabase()) && !e.definesObject()) {
                return e;
            }
        }
        return null;
    }
}
