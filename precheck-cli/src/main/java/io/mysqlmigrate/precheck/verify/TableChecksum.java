package io.mysqlmigrate.precheck.verify;

import io.mysqlmigrate.dialect.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Computes a {@link TableFingerprint} on the server: each row's columns are hashed (binary image of every value,
 * with NULL told apart from empty), and the hashes are combined by SUM and by XOR, so the result does not depend
 * on row order and a single changed, missing or extra row changes it.
 */
public final class TableChecksum {

    private static final Pattern AUTO_INCREMENT = Pattern.compile("\\s+AUTO_INCREMENT=\\d+");

    private TableChecksum() {
    }

    public static Optional<TableFingerprint> of(Connection c, String database, String table) throws SQLException {
        List<Column> columns = columns(c, database, table);
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        String definition;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW CREATE TABLE " + Identifiers.quote(database, table))) {
            rs.next();
            definition = normalizeDefinition(rs.getString(2));
        }
        String rowHash = SideSql.rowHash(columns);
        String sql = "SELECT COUNT(*), COALESCE(SUM(CAST(CONV(SUBSTRING(h, 1, 15), 16, 10) AS UNSIGNED)), 0), "
                + "COALESCE(BIT_XOR(CAST(CONV(SUBSTRING(h, 16, 16), 16, 10) AS UNSIGNED)), 0) FROM (SELECT " + rowHash
                + " AS h FROM " + Identifiers.quote(database, table) + ") hashed";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return Optional.of(new TableFingerprint(definition, rs.getLong(1), rs.getString(2), rs.getString(3)));
        }
    }

    /** SHOW CREATE TABLE text without the AUTO_INCREMENT counter, which legitimately differs. */
    public static String normalizeDefinition(String createTable) {
        return AUTO_INCREMENT.matcher(createTable).replaceAll("");
    }

    /** A column and its type; FLOAT prints only 6 digits as text, so it is hashed through DOUBLE, which is exact. */
    record Column(String name, String dataType) {
        String exactExpression() {
            String quoted = Identifiers.quote(name);
            return "float".equalsIgnoreCase(dataType) ? "CAST(" + quoted + " AS DOUBLE)" : quoted;
        }
    }

    static List<Column> columns(Connection c, String database, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME, DATA_TYPE FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            ps.setString(1, database);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return columns;
    }
}
