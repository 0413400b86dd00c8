package io.mysqlmigrate.source.capture;

import io.mysqlmigrate.dialect.ServerVersion;
import io.mysqlmigrate.dialect.SqlDialect;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Connection;
import java.sql.SQLException;
import io.mysqlmigrate.source.selection.TableName;
import java.sql.PreparedStatement;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Connects to the source once to learn what it is (MySQL or MariaDB, which version) and which server it is. */
public final class SourceServerProbe {

    /**
     * The source server: its version, an identity no other server shares (see SqlDialect#serverIdentityQuery), the
     * time zone it compares TIMESTAMP values in, and the columns of the tables that have row filters, each with its
     * collation (lower-cased column name to collation; no collation for non-text columns).
     */
    public record SourceServer(ServerVersion version, String identity, ZoneId timeZone,
                               Map<TableName, Map<String, String>> filteredTableColumns, List<String> binaryLogs,
                               Map<TableName, SnapshotSelects.Columns> floatTables) {
    }

    private SourceServerProbe() {
    }

    /**
     * Reads what the source is. A failure is the caller's to explain: it knows the settings that name the server and
     * the account.
     */
    public static SourceServer detect(SourceEndpoint source, List<String> databases, Set<TableName> filteredTables)
            throws SQLException {
        try (Connection c = SourceConnections.open(source)) {
            ServerVersion version = ServerVersion.detect(c);
            String identity;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SqlDialect.of(version).serverIdentityQuery())) {
                rs.next();
                identity = rs.getString(1);
            }
            Map<TableName, Map<String, String>> columns = new LinkedHashMap<>();
            for (TableName table : filteredTables) {
                columns.put(table, columns(c, table));
            }
            return new SourceServer(version, identity, timeZone(c), columns, binaryLogs(c), floatTables(c, databases));
        }
    }

    /**
     * The base tables of the migrated databases that have FLOAT columns, each with its columns as {@code SELECT *}
     * returns them: the snapshot reads these tables with a SELECT of its own ({@link SnapshotSelects}).
     */
    private static Map<TableName, SnapshotSelects.Columns> floatTables(Connection c, List<String> databases) throws SQLException {
        Map<TableName, SnapshotSelects.Columns> tables = new LinkedHashMap<>();
        if (databases.isEmpty()) {
            return tables;
        }
        String in = String.join(", ", java.util.Collections.nCopies(databases.size(), "?"));
        String sql = "SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE, c.EXTRA FROM information_schema.COLUMNS c "
                + "JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME "
                + "WHERE t.TABLE_TYPE = 'BASE TABLE' AND c.TABLE_SCHEMA IN (" + in + ") AND (c.TABLE_SCHEMA, c.TABLE_NAME) IN ("
                + "SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.COLUMNS WHERE DATA_TYPE = 'float' AND TABLE_SCHEMA IN ("
                + in + ")) ORDER BY c.TABLE_SCHEMA, c.TABLE_NAME, c.ORDINAL_POSITION";
        Map<TableName, List<String>> visible = new LinkedHashMap<>();
        Map<TableName, java.util.Set<String>> floats = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < databases.size(); i++) {
                ps.setString(i + 1, databases.get(i));
                ps.setString(databases.size() + i + 1, databases.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TableName table = new TableName(rs.getString(1), rs.getString(2));
                    String column = rs.getString(3);
                    String extra = rs.getString(5);
                    if (extra != null && extra.toUpperCase(Locale.ROOT).contains("INVISIBLE")) {
                        continue; // SELECT * leaves it out, and so does Debezium's snapshot
                    }
                    visible.computeIfAbsent(table, k -> new ArrayList<>()).add(column);
                    java.util.Set<String> tableFloats = floats.computeIfAbsent(table, k -> new java.util.HashSet<>());
                    if ("float".equalsIgnoreCase(rs.getString(4))) {
                        tableFloats.add(column);
                    }
                }
            }
        }
        visible.forEach((table, columns) -> tables.put(table, new SnapshotSelects.Columns(columns, floats.get(table))));
        return tables;
    }

    private static Map<String, String> columns(Connection c, TableName table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME, COLLATION_NAME FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            ps.setString(1, table.database());
            ps.setString(2, table.table());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
                }
            }
        }
        return columns;
    }

    /**
     * The binary log files the server still has, oldest first; empty when the log is off or the account may not list
     * them (then a lost position is only seen when reading fails).
     */
    private static List<String> binaryLogs(Connection c) {
        List<String> files = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW BINARY LOGS")) {
            while (rs.next()) {
                files.add(rs.getString(1));
            }
        } catch (SQLException e) {
            return List.of();
        }
        return files;
    }

    /** The zone the server compares TIMESTAMP values in: its global time_zone, or the system's when that is SYSTEM. */
    private static ZoneId timeZone(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT @@global.time_zone, @@system_time_zone")) {
            rs.next();
            String zone = rs.getString(1);
            if ("SYSTEM".equalsIgnoreCase(zone)) {
                zone = rs.getString(2);
            }
            try {
                return ZoneId.of(zone, ZoneId.SHORT_IDS);
            } catch (DateTimeException e) {
                throw new SQLException("the source's time zone '" + zone + "' is not one Java knows; set the source's "
                        + "time_zone to a named zone or an offset such as '+00:00'");
            }
        }
    }
}
