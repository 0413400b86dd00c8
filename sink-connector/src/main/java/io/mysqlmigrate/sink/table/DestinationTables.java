package io.mysqlmigrate.sink.table;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads destination table structures from information_schema and keeps them until a DDL is applied. Name lookups
 * are exact: the events carry destination names already (see {@code naming}).
 */
public final class DestinationTables {

    private final Map<String, Optional<DestinationTable>> cache = new HashMap<>();

    public Optional<DestinationTable> find(Connection connection, String database, String table) throws SQLException {
        String key = database + '\0' + table;
        Optional<DestinationTable> known = cache.get(key);
        if (known == null) {
            known = load(connection, database, table);
            cache.put(key, known);
        }
        return known;
    }

    public boolean databaseExists(Connection connection, String database) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The destination's {@code lower_case_table_names}: 0 (names as written), 1 (stored in lower case) or 2. */
    public static int lowerCaseTableNames(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT @@lower_case_table_names");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** The destination's {@code max_allowed_packet}: the largest statement it accepts, in bytes. */
    public static long maxAllowedPacket(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT @@max_allowed_packet");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 16L << 20;
        }
    }

    /** Forgets everything: called after any DDL, which may have changed any table. */
    public void invalidate() {
        cache.clear();
    }

    private static Optional<DestinationTable> load(Connection connection, String database, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        Set<String> generated = new HashSet<>();
        Set<String> nullable = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT COLUMN_NAME, EXTRA, IS_NULLABLE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? "
                        + "ORDER BY ORDINAL_POSITION")) {
            ps.setString(1, database);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    columns.add(name);
                    String extra = rs.getString(2) == null ? "" : rs.getString(2).toUpperCase(Locale.ROOT);
                    if (extra.contains("GENERATED") && !extra.contains("DEFAULT_GENERATED")) {
                        generated.add(name);
                    }
                    if ("YES".equals(rs.getString(3))) {
                        nullable.add(name);
                    }
                }
            }
        }
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<String>> keys = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT INDEX_NAME, COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? "
                        + "AND NON_UNIQUE = 0 ORDER BY INDEX_NAME = 'PRIMARY' DESC, INDEX_NAME, SEQ_IN_INDEX")) {
            ps.setString(1, database);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        List<String> primary = keys.containsKey("PRIMARY") ? List.copyOf(keys.remove("PRIMARY")) : List.of();
        List<List<String>> unique = keys.values().stream().map(List::copyOf).toList();
        return Optional.of(new DestinationTable(database, table, List.copyOf(columns), Set.copyOf(generated), Set.copyOf(nullable),
                primary, unique, referencedBy(connection, database, table)));
    }

    /** The foreign keys of destination tables (this one included) that reference the table; same text on both flavours. */
    private static List<ForeignKeyReference> referencedBy(Connection connection, String database, String table) throws SQLException {
        record Constraint(String database, String table, String name) {
        }
        Map<Constraint, List<String>> columns = new LinkedHashMap<>();
        Map<Constraint, String[]> rules = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.REFERENCED_COLUMN_NAME, r.UPDATE_RULE, r.DELETE_RULE "
                        + "FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r "
                        + "ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.TABLE_NAME = k.TABLE_NAME "
                        + "AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME "
                        + "WHERE k.REFERENCED_TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME = ? "
                        + "ORDER BY k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.POSITION_IN_UNIQUE_CONSTRAINT")) {
            ps.setString(1, database);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Constraint k = new Constraint(rs.getString(1), rs.getString(2), rs.getString(3));
                    columns.computeIfAbsent(k, x -> new ArrayList<>()).add(rs.getString(4));
                    rules.put(k, new String[] {rs.getString(5), rs.getString(6)});
                }
            }
        }
        List<ForeignKeyReference> references = new ArrayList<>();
        columns.forEach((k, cols) -> references.add(new ForeignKeyReference(k.database(), k.table(), k.name(), List.copyOf(cols),
                rules.get(k)[0], rules.get(k)[1])));
        return List.copyOf(references);
    }
}
