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

    /** A column and its type. */
    record Column(String name, String dataType) {
        /**
         * The column as text a repair statement can write back: FLOAT prints only 6 digits as text, so it is read
         * through DOUBLE.
         */
        String exactExpression() {
            String quoted = Identifiers.quote(name);
            return "float".equalsIgnoreCase(dataType) ? "CAST(" + quoted + " AS DOUBLE)" : quoted;
        }

        /**
         * The column as text that is equal on two servers exactly when the values are: FLOAT and DOUBLE through
         * {@link #binaryFloating}, since the servers print a double differently (MariaDB writes -3.6290244904410107e-6 as
         * -0.0000036290244904410107, and MySQL's string conversion stops at 22 characters, so -2.2250738585072014e-308
         * loses a digit); every other type as the server prints it.
         */
        String hashExpression() {
            if ("float".equalsIgnoreCase(dataType)) {
                return binaryFloating("CAST(" + Identifiers.quote(name) + " AS DOUBLE)");
            }
            return "double".equalsIgnoreCase(dataType) ? binaryFloating(Identifiers.quote(name)) : Identifiers.quote(name);
        }
    }

    /**
     * A non-NULL double as sign, binary exponent and 53-bit integer mantissa ({@code +-1022p4503599627370496} for
     * 2^-1022), computed with operations that are exact in binary floating point (division by a power of two, a
     * product that stays below 2^53, a cast of that integer to DECIMAL), so both flavours produce the same text for
     * the same bits; zero of either sign is {@code 0}. LOG2 only proposes the exponent: it is clamped to the double's
     * range and corrected by one when the quotient falls outside [1, 2), so a libm that rounds LOG2 differently
     * changes nothing. NULL stays NULL.
     */
    static String binaryFloating(String x) {
        String guess = "LEAST(1023, GREATEST(-1074, FLOOR(LOG2(ABS(" + x + ")))))";
        String exponent = "(" + guess + " + IF(ABS(" + x + ") / POW(2, " + guess + ") >= 2, 1, IF(ABS(" + x + ") / POW(2, "
                + guess + ") < 1, -1, 0)))";
        return "IF(" + x + " = 0, '0', CONCAT(IF(" + x + " < 0, '-', '+'), " + exponent + ", 'p', CAST(ABS(" + x
                + ") / POW(2, " + exponent + ") * 4503599627370496 AS DECIMAL(17, 0))))";
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
