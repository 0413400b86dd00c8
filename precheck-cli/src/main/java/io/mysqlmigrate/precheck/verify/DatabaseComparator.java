package io.mysqlmigrate.precheck.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Compares every base table of the given databases between source and destination. */
public final class DatabaseComparator {

    private DatabaseComparator() {
    }

    public static List<TableComparison> compare(Connection source, Connection destination, List<String> databases) throws SQLException {
        List<TableComparison> results = new ArrayList<>();
        for (String database : databases) {
            TreeSet<String> tables = new TreeSet<>(baseTables(source, database));
            tables.addAll(baseTables(destination, database));
            for (String table : tables) {
                results.add(new TableComparison(database, table, TableChecksum.of(source, database, table).orElse(null),
                        TableChecksum.of(destination, database, table).orElse(null)));
            }
        }
        return results;
    }

    public static boolean allMatch(List<TableComparison> results) {
        return !results.isEmpty() && results.stream().allMatch(TableComparison::matches);
    }

    /** The base tables of a database, by name. */
    public static List<String> baseTables(Connection c, String database) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }
}
