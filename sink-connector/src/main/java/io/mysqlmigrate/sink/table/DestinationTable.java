package io.mysqlmigrate.sink.table;

import java.util.List;
import java.util.Set;

/**
 * A destination table as the sink needs to know it: its columns in order, which are generated (never written),
 * which are nullable, its primary key and its other unique keys (each a list of columns).
 */
public record DestinationTable(String database, String table, List<String> columns, Set<String> generatedColumns,
                               Set<String> nullableColumns, List<String> primaryKey, List<List<String>> uniqueKeys) {

    public boolean writable(String column) {
        return columns.contains(column) && !generatedColumns.contains(column);
    }

    /** A unique key whose columns can never be NULL: it identifies rows as well as a primary key. */
    public List<String> firstNotNullUniqueKey() {
        return uniqueKeys.stream().filter(k -> k.stream().noneMatch(nullableColumns::contains)).findFirst().orElse(null);
    }

    public String qualifiedName() {
        return database + "." + table;
    }
}
