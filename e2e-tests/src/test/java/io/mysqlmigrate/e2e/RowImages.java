package io.mysqlmigrate.e2e;

import io.mysqlmigrate.dialect.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A row-by-row comparison of one table on both sides, for people: every column's exact image (HEX of its binary
 * form; FLOAT and DOUBLE by their exact double value, since MariaDB prints FLOAT with 6 digits only), rows matched by
 * primary key, and each difference shown with both images and a readable form. Long values are compared by length
 * and MD5. Run it on sessions in the same time zone (TIMESTAMP's text depends on it).
 */
final class RowImages {

    /** Values up to this many bytes are shown in full; longer ones by length, MD5 and their first bytes. */
    private static final int FULL_IMAGE_BYTES = 256;

    record Column(String name, String dataType, String columnType) {
    }

    /** A row's key (readable), and for each column its image and readable form. */
    record Row(String key, Map<String, String> images, Map<String, String> readable) {
    }

    record Difference(String key, String column, String source, String destination, String sourceReadable,
                      String destinationReadable) {

        String describe() {
            if (column == null) {
                return "row " + key + ": " + (source == null ? "only on the destination" : "missing on the destination");
            }
            return "row " + key + ", column " + Identifiers.quote(column) + ": source " + show(source, sourceReadable)
                    + " vs destination " + show(destination, destinationReadable);
        }

        private static String show(String image, String readable) {
            if (image == null) {
                return "NULL";
            }
            return (readable == null || readable.equals(image) ? "" : "'" + readable + "' ") + "[" + image + "]";
        }
    }

    private RowImages() {
    }

    static List<Column> columns(Connection c, String database, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            ps.setString(1, database);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1), rs.getString(2).toLowerCase(Locale.ROOT), rs.getString(3)));
                }
            }
        }
        return columns;
    }

    static List<String> primaryKey(Connection c, String database, String table) throws SQLException {
        List<String> key = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME FROM information_schema.STATISTICS "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND INDEX_NAME = 'PRIMARY' ORDER BY SEQ_IN_INDEX")) {
            ps.setString(1, database);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    key.add(rs.getString(1));
                }
            }
        }
        return key;
    }

    /** Every row of the table by key: the primary key's readable values, or every column's image without one. */
    static Map<String, Row> read(Connection c, String database, String table, List<Column> columns, List<String> key)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (Column col : columns) {
            sql.append(image(col)).append(", ").append(readable(col)).append(", ");
        }
        sql.setLength(sql.length() - 2);
        sql.append(" FROM ").append(Identifiers.quote(database, table));
        Map<String, Row> rows = new TreeMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
            while (rs.next()) {
                Map<String, String> images = new LinkedHashMap<>();
                Map<String, String> readable = new LinkedHashMap<>();
                int i = 1;
                for (Column col : columns) {
                    images.put(col.name(), rs.getString(i++));
                    readable.put(col.name(), rs.getString(i++));
                }
                List<String> keyParts = new ArrayList<>();
                for (String k : key.isEmpty() ? columns.stream().map(Column::name).toList() : key) {
                    keyParts.add(key.isEmpty() || readable.get(k) == null ? Objects.toString(images.get(k), "NULL") : readable.get(k));
                }
                String rowKey = String.join(",", keyParts);
                while (rows.containsKey(rowKey)) {
                    rowKey += "'"; // duplicates of a table without a primary key
                }
                rows.put(rowKey, new Row(rowKey, images, readable));
            }
        }
        return rows;
    }

    static List<Difference> compare(Map<String, Row> source, Map<String, Row> destination) {
        List<Difference> differences = new ArrayList<>();
        Set<String> keys = new TreeSet<>(source.keySet());
        keys.addAll(destination.keySet());
        for (String key : keys) {
            Row s = source.get(key);
            Row d = destination.get(key);
            if (s == null || d == null) {
                differences.add(new Difference(key, null, s == null ? null : "row", d == null ? null : "row", null, null));
                continue;
            }
            for (Map.Entry<String, String> e : s.images().entrySet()) {
                String column = e.getKey();
                String destinationImage = d.images().get(column);
                if (!Objects.equals(e.getValue(), destinationImage)) {
                    differences.add(new Difference(key, column, e.getValue(), destinationImage, s.readable().get(column),
                            d.readable().get(column)));
                }
            }
        }
        return differences;
    }

    /** The exact value as text: HEX of the binary image (or length and MD5 when long); FLOAT/DOUBLE as exact doubles. */
    static String image(Column col) {
        String c = Identifiers.quote(col.name());
        if (Set.of("float", "double", "real").contains(col.dataType())) {
            return "CAST(CAST(" + c + " AS DOUBLE) AS CHAR)";
        }
        String bin = "CAST(" + c + " AS BINARY)";
        return "CASE WHEN OCTET_LENGTH(" + bin + ") <= " + FULL_IMAGE_BYTES + " THEN HEX(" + bin + ") ELSE CONCAT(OCTET_LENGTH("
                + bin + "), ' bytes, sha256 ', SHA2(" + bin + ", 256), ', starting ', HEX(LEFT(" + bin + ", 16))) END";
    }

    /** A short form for people, where one exists besides the HEX image. */
    static String readable(Column col) {
        String c = Identifiers.quote(col.name());
        return switch (col.dataType()) {
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> "NULL";
            case "bit" -> "CONCAT('b''', BIN(" + c + "), '''')";
            case "geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon",
                    "geometrycollection" -> "CONCAT('SRID ', ST_SRID(" + c + "), ' ', LEFT(ST_AsText(" + c + "), 80))";
            case "float", "double", "real" -> "CAST(" + c + " AS CHAR)";
            default -> "LEFT(CAST(" + c + " AS CHAR), 80)";
        };
    }
}
