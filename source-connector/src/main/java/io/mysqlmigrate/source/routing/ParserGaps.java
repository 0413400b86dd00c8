package io.mysqlmigrate.source.routing;

import java.util.Optional;

/**
 * Statements Debezium's DDL parser reads with another outcome than the server ({@link SimultaneousColumnNames}: renames
 * in one ALTER TABLE reusing a name another clause frees). The capture refuses them before the next row of their table
 * is decoded: the rows after such a statement would be decoded with a wrong schema, or refused later with a message
 * that names neither the statement nor the fix. (Names holding a backtick, which Debezium 3.5 keeps doubled in ALTER
 * TABLE's clauses, are read exactly by the capture's own parsers, {@code capture/ExactNameParsers}.)
 */
public final class ParserGaps {

    private ParserGaps() {
    }

    /** The error that stops the migration at this statement, naming it, its table and the fix; empty when it is read right. */
    public static Optional<String> refusal(String database, String ddl) {
        return SimultaneousColumnNames.conflict(ddl).map(conflict -> "The source's statement on table "
                + SimultaneousColumnNames.tableOf(ddl)
                + (database == null || database.isEmpty() ? "" : " (database `" + database + "`)") + " cannot be captured: "
                + conflict + ". Statement: " + ddl + " . The rows of that table after it cannot be decoded correctly, so the"
                + " migration stops here. Fix: start the migration of that table again (a new snapshot reads its definition"
                + " from the server); on a source being migrated, write such renames as separate statements (a swap through"
                + " a temporary name), or in one statement in an order where every new name was freed by an earlier clause"
                + " (RENAME COLUMN b TO c, RENAME COLUMN a TO b).");
    }
}
