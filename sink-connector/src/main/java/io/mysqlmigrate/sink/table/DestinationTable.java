package io.mysqlmigrate.sink.table;

import java.util.List;
import java.util.Set;

/** A destination table as the sink needs to know it: its columns in order and which of them are generated. */
public record DestinationTable(String database, String table, List<String> columns, Set<String> generatedColumns) {

    public boolean writable(String column) {
        return columns.contains(column) && !generatedColumns.contains(column);
    }

    public String qualifiedName() {
        return database + "." + table;
    }
}
