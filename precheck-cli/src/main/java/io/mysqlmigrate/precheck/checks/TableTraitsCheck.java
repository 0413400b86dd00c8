package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import java.sql.SQLException;
import java.util.List;

/**
 * Warnings about tables of the selected databases, each found by one information_schema query: engines without
 * transactions, foreign keys that cascade.
 */
public final class TableTraitsCheck implements Check {

    private final String id;
    private final String query;
    private final String label;
    private final String passed;
    private final String why;
    private final String fix;

    private TableTraitsCheck(String id, String query, String label, String passed, String why, String fix) {
        this.id = id;
        this.passed = passed;
        this.query = query;
        this.label = label;
        this.why = why;
        this.fix = fix;
    }

    public static TableTraitsCheck nonInnoDb() {
        return new TableTraitsCheck("source.tables.engine",
                "SELECT CONCAT(TABLE_SCHEMA, '.', TABLE_NAME, ' (', ENGINE, ')') FROM information_schema.TABLES "
                        + "WHERE TABLE_SCHEMA IN (%s) AND TABLE_TYPE = 'BASE TABLE' AND ENGINE <> 'InnoDB' ORDER BY 1",
                "not InnoDB", "every selected table is InnoDB", "Without transactions the snapshot of these tables is not consistent with the binary log "
                        + "position, and their changes can be seen half applied.",
                "ALTER TABLE <table> ENGINE = InnoDB; on the source, or acknowledge the warning.");
    }

    public static TableTraitsCheck cascadingForeignKeys() {
        return new TableTraitsCheck("source.tables.cascading_foreign_keys",
                "SELECT CONCAT(CONSTRAINT_SCHEMA, '.', TABLE_NAME, '.', CONSTRAINT_NAME) FROM information_schema.REFERENTIAL_CONSTRAINTS "
                        + "WHERE CONSTRAINT_SCHEMA IN (%s) AND (DELETE_RULE IN ('CASCADE', 'SET NULL') OR UPDATE_RULE IN ('CASCADE', "
                        + "'SET NULL')) ORDER BY 1",
                "foreign keys that cascade", "no foreign keys that cascade", "MariaDB and MySQL up to 8.4 do not log the rows an ON DELETE / ON UPDATE action "
                        + "changes (MySQL 9 logs them), so the sink applies a delete of a referenced row, and a change of a "
                        + "referenced value, with the destination's foreign key checks on: the destination's copy of the key "
                        + "makes the same changes, provided the referencing tables are migrated with their foreign keys.",
                "Nothing to change if the destination is written only by this migration; otherwise acknowledge the warning.");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        List<String> found = SelectedTablesQuery.firstColumn(ctx, query);
        return found.isEmpty() ? CheckResult.pass(id, passed)
                : CheckResult.warn(id, label + ": " + String.join(", ", found), why, fix);
    }
}
