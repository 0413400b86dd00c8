package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.checks.CapturedValuesCheck.Kind;
import io.mysqlmigrate.source.phase.MigrationType;
import io.mysqlmigrate.source.selection.condition.RowCondition;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The data scan behind {@link CapturedValuesCheck}: which selected columns hold values Debezium's capture changes or
 * cannot carry, counted with ONE query per table that evaluates every relevant column at once ({@code SUM(CASE ...)}),
 * restricted to the rows the table's row filter keeps. Only tables with a relevant column (found in
 * information_schema.COLUMNS first) are read, and only for the kinds the migration types need. The checks of one
 * precheck run share one scan: the first asks, the others reuse its answer for the same {@link CheckContext}.
 */
final class CapturedValuesScan {

    /** A column that may hold such values. */
    record Column(String database, String table, String name, String dataType, boolean nullable) {
        String qualified() {
            return database + "." + table + "." + name;
        }

        String quoted() {
            return Identifiers.quote(name);
        }

        /** e.g. {@code DATE NOT NULL}. */
        String describe() {
            return dataType.toUpperCase(Locale.ROOT) + (nullable ? " NULL" : " NOT NULL");
        }
    }

    /**
     * One column's values of one kind: how many rows of each variant (e.g. zero date, zero month or day), the table's row
     * filter (null: none) and its ON UPDATE CURRENT_TIMESTAMP columns, which a fixing UPDATE must keep.
     */
    record Finding(Column column, Kind kind, Map<String, Long> counts, RowCondition filter, List<String> onUpdate) {
        long rows() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final Set<String> TEXT_TYPES = Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext");

    private CheckContext scannedFor;
    private List<Finding> findings;

    /** The findings for this precheck run, scanning once. */
    synchronized List<Finding> findings(CheckContext ctx) throws SQLException {
        if (scannedFor != ctx) {
            findings = scan(ctx);
            scannedFor = ctx;
        }
        return findings;
    }

    static boolean covers(Kind kind, Column c) {
        return switch (kind) {
            case ZERO_DATES -> c.dataType().equals("date") || c.dataType().equals("datetime");
            case ZERO_TIMESTAMPS -> c.dataType().equals("timestamp") && c.nullable();
            case YEAR_ZERO -> c.dataType().equals("year");
            case LATIN1_UNDEFINED_BYTES -> TEXT_TYPES.contains(c.dataType());
            case CALENDAR_SWITCH -> c.dataType().equals("datetime");
        };
    }

    private static List<Finding> scan(CheckContext ctx) throws SQLException {
        Set<MigrationType> types = ctx.source().migrationTypes();
        List<Kind> kinds = Arrays.stream(Kind.values()).filter(k -> k.appliesTo(types)).toList();
        if (kinds.isEmpty()) {
            return List.of();
        }
        Predicate<String> columnSelected = SelectedTablesQuery.columnSelection(ctx);
        Map<String, List<Column>> candidates = new LinkedHashMap<>();
        Map<String, List<String>> onUpdate = new LinkedHashMap<>();
        for (List<String> r : SelectedTablesQuery.rows(ctx, "SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE, "
                + "c.IS_NULLABLE, c.CHARACTER_SET_NAME, c.EXTRA FROM information_schema.COLUMNS c JOIN information_schema.TABLES t "
                + "ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME WHERE c.TABLE_SCHEMA IN (%s) "
                + "AND t.TABLE_TYPE = 'BASE TABLE' AND (c.DATA_TYPE IN ('date', 'datetime', 'timestamp', 'year') "
                + "OR c.CHARACTER_SET_NAME = 'latin1' OR LOWER(c.EXTRA) LIKE '%%on update%%') "
                + "ORDER BY c.TABLE_SCHEMA, c.TABLE_NAME, c.ORDINAL_POSITION")) {
            String db = r.get(0);
            String table = r.get(1);
            String extra = r.get(6) == null ? "" : r.get(6).toLowerCase(Locale.ROOT);
            if (!SelectedTablesQuery.selected(ctx, db, table)) {
                continue;
            }
            String key = db + "\0" + table;
            if (extra.contains("on update")) {
                onUpdate.computeIfAbsent(key, k -> new ArrayList<>()).add(r.get(2));
            }
            String type = r.get(3).toLowerCase(Locale.ROOT);
            boolean latin1Text = "latin1".equalsIgnoreCase(r.get(5)) && TEXT_TYPES.contains(type);
            boolean temporal = Set.of("date", "datetime", "timestamp", "year").contains(type);
            // Generated columns are computed by the destination, never written by the sink: their values do not travel.
            if ((!latin1Text && !temporal) || extra.contains("generated")
                    || !columnSelected.test(db + "." + table + "." + r.get(2))) {
                continue;
            }
            Column column = new Column(db, table, r.get(2), type, "YES".equals(r.get(4)));
            if (kinds.stream().anyMatch(k -> covers(k, column))) {
                candidates.computeIfAbsent(key, k -> new ArrayList<>()).add(column);
            }
        }
        List<Finding> found = new ArrayList<>();
        for (Map.Entry<String, List<Column>> table : candidates.entrySet()) {
            found.addAll(scanTable(ctx, table.getValue(), kinds, onUpdate.getOrDefault(table.getKey(), List.of())));
        }
        return found;
    }

    /** One query over the table: a SUM per column, kind and variant. */
    private static List<Finding> scanTable(CheckContext ctx, List<Column> columns, List<Kind> kinds, List<String> onUpdate)
            throws SQLException {
        record Cell(Column column, Kind kind, String label) {
        }
        List<Cell> cells = new ArrayList<>();
        List<String> sums = new ArrayList<>();
        for (Column c : columns) {
            for (Kind k : kinds) {
                if (!covers(k, c)) {
                    continue;
                }
                for (Map.Entry<String, String> variant : CapturedValuesCheck.variants(k, c.quoted()).entrySet()) {
                    cells.add(new Cell(c, k, variant.getKey()));
                    sums.add("COALESCE(SUM(CASE WHEN " + variant.getValue() + " THEN 1 ELSE 0 END), 0)");
                }
            }
        }
        Column first = columns.get(0);
        RowCondition filter = SelectedTablesQuery.rowFilter(ctx, first.database(), first.table());
        List<String> counts = CheckContext.rows(ctx.sourceConnection(), "SELECT " + String.join(", ", sums) + " FROM "
                + Identifiers.quote(first.database(), first.table()) + (filter == null ? "" : " WHERE (" + filter.text() + ")")).get(0);
        Map<String, Finding> byColumnAndKind = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            long n = Long.parseLong(counts.get(i));
            if (n == 0) {
                continue;
            }
            Cell cell = cells.get(i);
            byColumnAndKind.computeIfAbsent(cell.column().name() + "\0" + cell.kind(), k -> new Finding(cell.column(), cell.kind(),
                    new LinkedHashMap<>(), filter, onUpdate)).counts().put(cell.label(), n);
        }
        return List.copyOf(byColumnAndKind.values());
    }
}
