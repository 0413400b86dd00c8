package io.mysqlmigrate.precheck.verify;

import io.mysqlmigrate.dialect.Identifiers;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements that read one side of a table by primary key ranges. Every statement orders and bounds by the
 * primary key, so the server walks its index; a range bound on a composite key is written out column by column
 * ({@code a > ? OR (a = ? AND b > ?)}), which both MySQL and MariaDB turn into an index range. On the source a row
 * filter, when the migration has one for the table, is ANDed to every statement.
 *
 * @param table   the quoted table
 * @param keys    the primary key's columns, in index order
 * @param columns every compared column, in the order both sides hash them
 * @param filter  the row filter's condition, or null
 */
public record SideSql(String table, List<String> keys, List<TableChecksum.Column> columns, String filter) {

    /** The SQL of a condition and the values its placeholders take. */
    public record Where(String sql, List<Object> params) {
    }

    /** Each row's hash, see {@link #rowHash(List)}. */
    String rowHash() {
        return rowHash(columns);
    }

    /**
     * A row's hash: SHA-256 over the hexadecimal image of every column, NULL told apart from every value. SHA2 is the
     * digest both flavours have: MySQL 9.7 has no MD5() (it reads {@code MD5(...)} as a call of a stored function and
     * fails with error 1046, "No database selected"), and source and destination must compute the same hash.
     */
    static String rowHash(List<TableChecksum.Column> columns) {
        return "SHA2(CONCAT_WS('|', " + String.join(", ", columns.stream()
                .map(c -> "IFNULL(HEX(CAST(" + c.hashExpression() + " AS BINARY)), 'NULL')").toList()) + "), 256)";
    }

    /** The key columns, then the hexadecimal image of each (see {@link RowKey}). */
    String keySelect() {
        List<String> out = new ArrayList<>();
        keys.forEach(k -> out.add(Identifiers.quote(k)));
        keys.forEach(k -> out.add("HEX(CAST(" + Identifiers.quote(k) + " AS BINARY))"));
        return String.join(", ", out);
    }

    String orderBy() {
        return " ORDER BY " + Identifiers.quoteAll(keys);
    }

    public Where checksum(KeyRange range) {
        Where w = where(range);
        return new Where("SELECT COUNT(*), COALESCE(SUM(CAST(CONV(SUBSTRING(h, 1, 15), 16, 10) AS UNSIGNED)), 0), "
                + "COALESCE(BIT_XOR(CAST(CONV(SUBSTRING(h, 16, 16), 16, 10) AS UNSIGNED)), 0) FROM (SELECT " + rowHash()
                + " AS h FROM " + table + w.sql() + ") hashed", w.params());
    }

    /** The key {@code offset} rows into the range; the offset is the last placeholder. */
    public Where keyAt(KeyRange range) {
        Where w = where(range);
        return new Where("SELECT " + keySelect() + " FROM " + table + w.sql() + orderBy() + " LIMIT 1 OFFSET ?", w.params());
    }

    public Where rows(KeyRange range) {
        Where w = where(range);
        return new Where("SELECT " + keySelect() + ", " + rowHash() + " FROM " + table + w.sql() + orderBy(), w.params());
    }

    /** The rows with the given keys: key columns, key images, row hash. */
    public Where rowsByKeys(List<RowKey> wanted) {
        Where w = byKeys(wanted);
        return new Where("SELECT " + keySelect() + ", " + rowHash() + " FROM " + table + w.sql(), w.params());
    }

    /** The rows with the given keys: key columns, key images, then the hexadecimal image of every compared column. */
    public Where valuesByKeys(List<RowKey> wanted) {
        Where w = byKeys(wanted);
        String values = String.join(", ", columns.stream().map(c -> "HEX(CAST(" + c.exactExpression() + " AS BINARY))").toList());
        return new Where("SELECT " + keySelect() + ", " + values + " FROM " + table + w.sql(), w.params());
    }

    Where where(KeyRange range) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (range.lower() != null) {
            parts.add(bound(range.lower(), ">", ">", params));
        }
        if (range.upper() != null) {
            parts.add(bound(range.upper(), "<", "<=", params));
        }
        if (filter != null) {
            parts.add("(" + filter + ")");
        }
        return new Where(parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts), params);
    }

    private Where byKeys(List<RowKey> wanted) {
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("no keys to look up");
        }
        List<Object> params = new ArrayList<>();
        List<String> alternatives = new ArrayList<>();
        for (RowKey key : wanted) {
            List<String> equal = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                equal.add(Identifiers.quote(keys.get(i)) + " = ?");
                params.add(key.values().get(i));
            }
            alternatives.add(keys.size() == 1 ? equal.get(0) : "(" + String.join(" AND ", equal) + ")");
        }
        String sql = " WHERE (" + String.join(" OR ", alternatives) + ")" + (filter != null ? " AND (" + filter + ")" : "");
        return new Where(sql, params);
    }

    /**
     * {@code (k1, k2, k3) op (v1, v2, v3)} in lexicographic order, spelled out: {@code k1 strict v1 OR (k1 = v1 AND (k2
     * strict v2 OR (k2 = v2 AND k3 last v3)))}.
     */
    private String bound(RowKey key, String strict, String last, List<Object> params) {
        int n = keys.size();
        String inner = Identifiers.quote(keys.get(n - 1)) + " " + last + " ?";
        List<Object> innerParams = new ArrayList<>(List.of(key.values().get(n - 1)));
        for (int i = n - 2; i >= 0; i--) {
            String k = Identifiers.quote(keys.get(i));
            inner = k + " " + strict + " ? OR (" + k + " = ? AND (" + inner + "))";
            List<Object> p = new ArrayList<>();
            p.add(key.values().get(i));
            p.add(key.values().get(i));
            p.addAll(innerParams);
            innerParams = p;
        }
        params.addAll(innerParams);
        return "(" + inner + ")";
    }
}
