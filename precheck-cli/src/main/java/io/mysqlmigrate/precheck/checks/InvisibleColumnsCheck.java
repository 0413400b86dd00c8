package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.dialect.SqlDialect;
import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.source.selection.TableName;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Invisible columns (MySQL 8.0.23+, MariaDB 10.3+) of the selected tables. They are real columns, in the binary log and
 * in SHOW CREATE TABLE, but SELECT * and INSERT without a column list leave them out. Generated invisible primary keys
 * are {@link GeneratedInvisiblePrimaryKeyCheck}'s.
 */
public final class InvisibleColumnsCheck implements Check {

    @Override
    public String id() {
        return "source.tables.invisible_columns";
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        List<String> found = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        Set<TableName> filtered = ctx.source().rowFilters().keySet();
        for (List<String> row : SelectedTablesQuery.rows(ctx, "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA IN (%s) AND UPPER(EXTRA) LIKE '%%INVISIBLE%%' "
                + "AND NOT (COLUMN_NAME = 'my_row_id' AND COLUMN_KEY = 'PRI') ORDER BY 1, 2, ORDINAL_POSITION")) {
            String db = row.get(0);
            String table = row.get(1);
            String column = row.get(2);
            if (!SelectedTablesQuery.selected(ctx, db, table)) {
                continue;
            }
            boolean rowFiltered = filtered.stream().anyMatch(t -> t.database().equals(db) && t.table().equalsIgnoreCase(table));
            found.add(db + "." + table + "." + column + (rowFiltered ? " (row-filtered: its snapshot selects with SELECT *, "
                    + "which leaves the column out)" : ""));
            fixes.add(SqlDialect.of(ctx.sourceVersion()).makeColumnVisible(db, table, column, () -> CheckContext.rows(
                    ctx.sourceConnection(), "SHOW CREATE TABLE " + Identifiers.quote(db, table)).get(0).get(1)));
        }
        if (found.isEmpty()) {
            return CheckResult.pass(id(), "no invisible columns in the selected tables");
        }
        return CheckResult.warn(id(), "invisible columns: " + String.join(", ", found),
                "SELECT * and INSERT without a column list leave invisible columns out: the snapshot of a row-filtered table "
                        + "(row.filters) selects with SELECT *, applications and tools reading the destination see these columns "
                        + "only by name, and a destination older than MySQL 8.0.23 or MariaDB 10.3 cannot create them.",
                "If the destination supports invisible columns and no row filter names these tables, acknowledge the warning; "
                        + "otherwise make them visible on the source: " + String.join("; ", fixes) + ";");
    }
}
