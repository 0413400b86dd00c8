package io.mysqlmigrate.precheck.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HexFormat;
import java.nio.charset.StandardCharsets;
import java.sql.Types;

/** {@link ChunkReader} on a live server, with the statements of {@link SideSql}. */
final class JdbcChunkReader implements ChunkReader {

    /**
     * Temporal key parts are bound back as the server's own text (in the session's UTC), not as Java date objects: the
     * driver may drop their fractional seconds or move them across a daylight saving gap of the JVM's zone, and a
     * bound that moves makes the chunk walk stand still.
     */
    private static final Set<Integer> TEMPORAL = Set.of(Types.DATE, Types.TIME, Types.TIMESTAMP, Types.TIME_WITH_TIMEZONE,
            Types.TIMESTAMP_WITH_TIMEZONE);

    /** Keys per lookup statement. */
    static final int KEYS_PER_LOOKUP = 200;

    private final Connection connection;
    private final SideSql sql;

    JdbcChunkReader(Connection connection, SideSql sql) {
        this.connection = connection;
        this.sql = sql;
    }

    SideSql sql() {
        return sql;
    }

    @Override
    public ChunkSum checksum(KeyRange range) throws SQLException {
        SideSql.Where w = sql.checksum(range);
        try (PreparedStatement ps = prepare(w.sql(), w.params()); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new ChunkSum(rs.getLong(1), rs.getString(2), rs.getString(3));
        }
    }

    @Override
    public RowKey keyAt(KeyRange range, long offset) throws SQLException {
        SideSql.Where w = sql.keyAt(range);
        List<Object> params = new ArrayList<>(w.params());
        params.add(offset);
        try (PreparedStatement ps = prepare(w.sql(), params); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? key(rs) : null;
        }
    }

    @Override
    public Map<RowKey, String> rowHashes(KeyRange range) throws SQLException {
        SideSql.Where w = sql.rows(range);
        Map<RowKey, String> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = prepare(w.sql(), w.params()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.put(key(rs), rs.getString(2 * sql.keys().size() + 1));
            }
        }
        return rows;
    }

    @Override
    public Map<RowKey, String> rowHashes(Collection<RowKey> keys) throws SQLException {
        Map<RowKey, String> rows = new LinkedHashMap<>();
        for (List<RowKey> batch : batches(keys)) {
            SideSql.Where w = sql.rowsByKeys(batch);
            try (PreparedStatement ps = prepare(w.sql(), w.params()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(key(rs), rs.getString(2 * sql.keys().size() + 1));
                }
            }
        }
        return rows;
    }

    /** Per key, the hexadecimal image of every compared column (null for NULL), for repair statements. */
    Map<RowKey, List<String>> values(Collection<RowKey> keys) throws SQLException {
        Map<RowKey, List<String>> rows = new LinkedHashMap<>();
        int first = 2 * sql.keys().size() + 1;
        for (List<RowKey> batch : batches(keys)) {
            SideSql.Where w = sql.valuesByKeys(batch);
            try (PreparedStatement ps = prepare(w.sql(), w.params()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 0; i < sql.columns().size(); i++) {
                        values.add(rs.getString(first + i));
                    }
                    rows.put(key(rs), values);
                }
            }
        }
        return rows;
    }

    private static List<List<RowKey>> batches(Collection<RowKey> keys) {
        List<RowKey> all = new ArrayList<>(keys);
        List<List<RowKey>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += KEYS_PER_LOOKUP) {
            out.add(all.subList(i, Math.min(all.size(), i + KEYS_PER_LOOKUP)));
        }
        return out;
    }

    private RowKey key(ResultSet rs) throws SQLException {
        int n = sql.keys().size();
        List<Object> values = new ArrayList<>(n);
        List<String> hex = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            String image = rs.getString(n + i);
            hex.add(image);
            values.add(TEMPORAL.contains(rs.getMetaData().getColumnType(i)) && image != null
                    ? new String(HexFormat.of().parseHex(image), StandardCharsets.US_ASCII) : rs.getObject(i));
        }
        return new RowKey(values, hex);
    }

    private PreparedStatement prepare(String text, List<Object> params) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(text);
        try {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
        return ps;
    }
}
