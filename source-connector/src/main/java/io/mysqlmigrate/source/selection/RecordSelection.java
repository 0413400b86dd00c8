package io.mysqlmigrate.source.selection;

import io.mysqlmigrate.source.phase.SnapshotRecords;
import io.mysqlmigrate.source.routing.EventKind;
import io.mysqlmigrate.source.selection.condition.RowCondition;
import io.mysqlmigrate.source.selection.condition.StringFold;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * What of the captured stream reaches the topics, beyond what Debezium's own table and column filters already
 * removed: the per-object operation filter, then the row filters.
 */
public final class RecordSelection {

    private final TableSelection tables;
    private final OperationFilter operations;
    private final Map<TableName, RowFilter> rowFilters;

    public RecordSelection(TableSelection tables, OperationFilter operations, Map<TableName, RowFilter> rowFilters) {
        this.tables = tables;
        this.operations = operations;
        this.rowFilters = rowFilters;
    }

    /**
     * The selection for this source: each row filter checked against the table it names (the table must exist and
     * have every column the condition reads) and given the columns' collations and the source's time zone.
     *
     * @param filteredTableColumns the source's columns of each filtered table, lower-cased, each with its collation
     * @param timeZone             the zone the source compares TIMESTAMP values in
     */
    public static RecordSelection of(TableSelection tables, OperationFilter operations, Map<TableName, RowCondition> conditions,
                                     Map<TableName, Map<String, String>> filteredTableColumns, ZoneId timeZone) {
        Map<TableName, RowFilter> filters = new HashMap<>();
        for (Map.Entry<TableName, RowCondition> e : conditions.entrySet()) {
            TableName table = e.getKey();
            RowCondition condition = e.getValue();
            Map<String, String> columns = filteredTableColumns.getOrDefault(table, Map.of());
            if (columns.isEmpty()) {
                throw new ConnectException("row.filters names " + table + ", which the source does not have. Correct the table "
                        + "name in row.filters (database and table as the source spells them).");
            }
            Set<String> unknown = new TreeSet<>(condition.columns());
            unknown.removeAll(columns.keySet());
            if (!unknown.isEmpty()) {
                throw new ConnectException("The row filter of " + table + " ('" + condition.text() + "') reads " + unknown
                        + ", which the table does not have (its columns: " + columns.keySet() + "). Correct row.filters.");
            }
            Map<String, StringFold> folds = new HashMap<>();
            columns.forEach((column, collation) -> folds.put(column, StringFold.ofCollation(collation)));
            filters.put(table, new RowFilter(table, condition, folds, timeZone));
        }
        return new RecordSelection(tables, operations, filters);
    }

    /** The record to forward (possibly rewritten by a row filter), or null when it is not selected. */
    public SourceRecord select(SourceRecord record) {
        EventKind kind = EventKind.of(record);
        if (kind != EventKind.ROW_CHANGE && kind != EventKind.SCHEMA_CHANGE) {
            return record;
        }
        if (kind == EventKind.SCHEMA_CHANGE) {
            TableName table = OperationFilter.ddlTable((Struct) record.value());
            if (table != null && !tables.selected(table)) {
                return null;
            }
        }
        boolean streamed = !SnapshotRecords.isSnapshot(record);
        if (streamed && !operations.passes(record, kind)) {
            return null;
        }
        if (kind == EventKind.ROW_CHANGE && streamed && !rowFilters.isEmpty()) {
            Struct source = ((Struct) record.value()).getStruct("source");
            RowFilter filter = rowFilters.get(new TableName(source.getString("db"), source.getString("table")));
            return filter == null ? record : filter.apply(record);
        }
        return record;
    }
}
