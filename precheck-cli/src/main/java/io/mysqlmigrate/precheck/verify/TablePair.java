package io.mysqlmigrate.precheck.verify;

import java.util.List;

/**
 * A migrated table as verify compares it: its name on each side (the sink's name mapping applied), the compared
 * columns with their destination names, the source's primary key, and the source's row filter for it (null: every
 * row is migrated).
 */
public record TablePair(String sourceDatabase, String sourceTable, String destinationDatabase, String destinationTable,
                        List<ColumnPair> columns, List<String> sourceKey, String sourceFilter) {

    /**
     * A compared column: source name, destination name, the source's type and character set (null if none), and whether
     * the source computes it (a VIRTUAL or STORED generated column: compared, but never written by a repair).
     */
    public record ColumnPair(String source, String destination, String dataType, String charset, boolean generated) {

        public ColumnPair(String source, String destination, String dataType, String charset) {
            this(source, destination, dataType, charset, false);
        }
    }

    public TablePair {
        columns = List.copyOf(columns);
        sourceKey = List.copyOf(sourceKey);
    }

    public String sourceName() {
        return sourceDatabase + "." + sourceTable;
    }

    public String destinationName() {
        return destinationDatabase + "." + destinationTable;
    }

    /** The destination names of the primary key's columns. */
    public List<String> destinationKey() {
        return sourceKey.stream().map(k -> column(k).destination()).toList();
    }

    public ColumnPair column(String sourceName) {
        return columns.stream().filter(c -> c.source().equalsIgnoreCase(sourceName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(sourceName + " is not a compared column of " + sourceName()));
    }
}
