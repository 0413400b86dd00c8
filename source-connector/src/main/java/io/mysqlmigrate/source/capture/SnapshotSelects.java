package io.mysqlmigrate.source.capture;

import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.dialect.SqlDialect;
import io.mysqlmigrate.source.selection.TableName;
import io.mysqlmigrate.source.selection.condition.RowCondition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SELECT Debezium's snapshot reads a table with, where {@code SELECT *} will not do: a table with a row filter
 * reads only the rows the filter keeps, and a table with FLOAT columns reads them in a form whose text is the stored
 * value exactly ({@link SqlDialect#exactFloatSelect}). Both go into Debezium's
 * {@code snapshot.select.statement.overrides}.
 */
public final class SnapshotSelects {

    /** A table's columns as {@code SELECT *} returns them (invisible ones left out), in order, and its FLOAT ones. */
    public record Columns(List<String> visible, Set<String> floats) {
        public Columns {
            visible = List.copyOf(visible);
            floats = Set.copyOf(floats);
        }
    }

    private SnapshotSelects() {
    }

    public static Map<String, String> overrides(Map<TableName, RowCondition> filters, Map<TableName, Columns> floatTables,
                                                SqlDialect dialect) {
        Set<TableName> tables = new LinkedHashSet<>(filters.keySet());
        tables.addAll(floatTables.keySet());
        Map<String, String> settings = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        for (TableName table : tables) {
            String columns = selectList(floatTables.get(table), dialect);
            RowCondition filter = filters.get(table);
            if (columns.equals("*") && filter == null) {
                continue;
            }
            String id = table.debeziumId();
            ids.add(id);
            settings.put("snapshot.select.statement.overrides." + id, "SELECT " + columns + " FROM " + table.quoted()
                    + (filter == null ? "" : " WHERE (" + filter.text() + ")"));
        }
        if (!ids.isEmpty()) {
            settings.put("snapshot.select.statement.overrides", String.join(",", ids));
        }
        return settings;
    }

    private static String selectList(Columns columns, SqlDialect dialect) {
        if (columns == null || columns.floats().isEmpty()) {
            return "*";
        }
        List<String> select = new ArrayList<>();
        for (String column : columns.visible()) {
            String quoted = Identifiers.quote(column);
            String exact = columns.floats().contains(column) ? dialect.exactFloatSelect(quoted) : null;
            if (exact == null && columns.floats().contains(column)) {
                return "*"; // this flavour reads FLOATs as they are
            }
            select.add(exact == null ? quoted : exact + " AS " + quoted);
        }
        return String.join(", ", select);
    }
}
