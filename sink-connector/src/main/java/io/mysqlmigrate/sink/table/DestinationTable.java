package io.mysqlmigrate.sink.table;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A destination table as the sink needs to know it: its columns in order, which are generated (never written),
 * which are nullable, its primary key and its other unique keys (each a list of columns), and the foreign keys of
 * destination tables that reference it ({@code referencedBy}).
 */
public record DestinationTable(String database, String table, List<String> columns, Set<String> generatedColumns,
                               Set<String> nullableColumns, List<String> primaryKey, List<List<String>> uniqueKeys,
                               List<ForeignKeyReference> referencedBy) {

    /** A table no foreign key references. */
    public DestinationTable(String database, String table, List<String> columns, Set<String> generatedColumns,
                            Set<String> nullableColumns, List<String> primaryKey, List<List<String>> uniqueKeys) {
        this(database, table, columns, generatedColumns, nullableColumns, primaryKey, uniqueKeys, List.of());
    }

    /** Whether deleting one of its rows changes rows of another table (or of itself) through an ON DELETE action. */
    public boolean cascadesOnDelete() {
        return referencedBy.stream().anyMatch(ForeignKeyReference::actsOnDelete);
    }

    /**
     * Whether a multi-row delete does what the same deletes one by one do: true when every foreign key referencing
     * the table acts on delete (the rows it changes are the same in any order); a RESTRICT or NO ACTION key checks
     * each row as it goes, so the order matters.
     */
    public boolean deletesInAnyOrder() {
        return referencedBy.stream().allMatch(ForeignKeyReference::actsOnDelete);
    }

    /** The columns whose change changes rows of another table (or of itself) through an ON UPDATE action. */
    public Set<String> columnsCascadingOnUpdate() {
        Set<String> columns = new LinkedHashSet<>();
        referencedBy.stream().filter(ForeignKeyReference::actsOnUpdate).forEach(k -> columns.addAll(k.referencedColumns()));
        return columns;
    }

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
