package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.source.selection.TableName;
import io.mysqlmigrate.source.selection.TableSelection;
import io.mysqlmigrate.source.selection.condition.RowCondition;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Runs a query over information_schema restricted to the migration's databases ({@code IN (...)} filled in). */
final class SelectedTablesQuery {

    /** A base table the migration copies, with its size as information_schema estimates it. */
    record SelectedTable(String database, String table, long dataLength, long indexLength) {
        String qualified() {
            return database + "." + table;
        }
    }

    private SelectedTablesQuery() {
    }

    /** {@code sql} holds {@code %s} where the database list's placeholders go. The first column of each row. */
    static List<String> firstColumn(CheckContext ctx, String sql) throws SQLException {
        return rows(ctx, sql).stream().map(r -> r.get(0)).toList();
    }

    /** {@code sql} holds {@code %s} where the database list's placeholders go. Every column of each row. */
    static List<List<String>> rows(CheckContext ctx, String sql) throws SQLException {
        List<String> databases = ctx.source().databases();
        String placeholders = String.join(",", databases.stream().map(d -> "?").toList());
        return CheckContext.rows(ctx.sourceConnection(), String.format(sql, placeholders), databases.toArray(String[]::new));
    }

    /**
     * The migration's table selection, decided by the capture's own rule (databases.include, then tables.include and
     * tables.exclude matched against the whole 'database.table', ignoring case).
     */
    static TableSelection selection(CheckContext ctx) {
        return new TableSelection(ctx.source().databases(), ctx.source().tables(), ctx.source().tablesExcluded());
    }

    /** Whether the migration copies this table (or view). */
    static boolean selected(CheckContext ctx, String database, String table) {
        return selection(ctx).selected(new TableName(database, table));
    }

    /** The base tables of the selected databases that the table selection keeps. */
    static List<SelectedTable> baseTables(CheckContext ctx) throws SQLException {
        TableSelection selection = selection(ctx);
        List<SelectedTable> tables = new ArrayList<>();
        for (List<String> row : rows(ctx, "SELECT TABLE_SCHEMA, TABLE_NAME, COALESCE(DATA_LENGTH, 0), COALESCE(INDEX_LENGTH, 0) "
                + "FROM information_schema.TABLES WHERE TABLE_SCHEMA IN (%s) AND TABLE_TYPE = 'BASE TABLE' ORDER BY 1, 2")) {
            if (selection.selected(new TableName(row.get(0), row.get(1)))) {
                tables.add(new SelectedTable(row.get(0), row.get(1), Long.parseLong(row.get(2)), Long.parseLong(row.get(3))));
            }
        }
        return tables;
    }

    /**
     * Which columns of a selected table the migration carries, by the source connector's rule: columns.include (empty:
     * all), then columns.exclude, as regular expressions matched against the whole 'database.table.column', ignoring
     * case. The predicate takes 'database.table.column'.
     */
    static Predicate<String> columnSelection(CheckContext ctx) {
        List<Pattern> include = patterns(ctx.source().columnsIncluded());
        List<Pattern> exclude = patterns(ctx.source().columnsExcluded());
        return id -> (include.isEmpty() || include.stream().anyMatch(p -> p.matcher(id).matches()))
                && exclude.stream().noneMatch(p -> p.matcher(id).matches());
    }

    /** The row filter (row.filters) of a table, or null: the snapshot reads, and the stream keeps, only the rows it keeps. */
    static RowCondition rowFilter(CheckContext ctx, String database, String table) {
        for (Map.Entry<TableName, RowCondition> e : ctx.source().rowFilters().entrySet()) {
            if (e.getKey().database().equals(database) && e.getKey().table().equalsIgnoreCase(table)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static List<Pattern> patterns(List<String> list) {
        return list.stream().map(String::trim).filter(s -> !s.isEmpty()).map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList();
    }
}
