package io.mysqlmigrate.source.routing;

import java.util.Optional;

/**
 * Statements Debezium's DDL parser reads with another outcome than the server ({@link SimultaneousColumnNames},
 * {@link AlterBacktickNames}). The capture refuses them before the next row of their table is decoded: the
 * rows after such a statement would be decoded with a wrong schema, or refused later with a message that names
 * neither the statement nor the fix.
 */
public final class ParserGaps {

    private ParserGaps() {
    }

    /** The error that stops the migration at this statement, naming it, its table and the fix; empty when it is read right. */
    public static Optional<String> refusal(String database, String ddl) {
        Optional<String> columns = SimultaneousColumnNames.conflict(ddl);
        Optional<String> renamed = columns.isPresent() ? Optional.empty() : AlterBacktickNames.conflict(ddl);
        if (columns.isEmpty() && renamed.isEmpty()) {
            return Optional.empty();
        }
        String fix = columns.isPresent()
                ? "write such renames as separate statements (a swap through a temporary name), or in one statement in an"
                        + " order where every new name was freed by an earlier clause (RENAME COLUMN b TO c, RENAME COLUMN a TO b)."
                : "give columns names without a backtick, and rename such a table with RENAME TABLE.";
        return Optional.of("The source's statement on table " + SimultaneousColumnNames.tableOf(ddl)
                + (database == null || database.isEmpty() ? "" : " (database `" + database + "`)") + " cannot be captured: "
                + columns.orElseGet(renamed::get) + ". Statement: " + ddl + " . The rows of that table after it cannot be"
                + " decoded correctly, so the migration stops here. Fix: start the migration of that table again (a new"
                + " snapshot reads its definition from the server); on a source being migrated, " + fix);
    }
}
