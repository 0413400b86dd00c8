package io.mysqlmigrate.precheck.verify;

import io.mysqlmigrate.dialect.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares one table: walks the source's primary key in chunks sized to a time target, checksums each chunk on both
 * sides, narrows differing chunks to rows ({@link ChunkBisector}), then re-checks the rows found after a wait (the
 * replication delay), so a change that was only in flight is not reported. Rows that still differ, with the same
 * contents twice in a row or after the last re-check, are reported by key.
 */
public final class TableVerifier {

    /**
     * @param chunkTargetMillis how long one chunk's checksum should take
     * @param recheckAfterMillis how long to wait before looking at differing rows again
     * @param rechecks          how many times at most to look again while the differences keep changing
     * @param rowsCompared      a differing chunk of at most this many rows is compared row by row
     * @param repair            whether to write repair statements
     */
    public record Options(long chunkTargetMillis, long recheckAfterMillis, int rechecks, long rowsCompared, boolean repair,
                          RateLimiter limiter) {
        public static Options defaults() {
            return new Options(500, 2000, 3, 64, false, new RateLimiter(0));
        }
    }

    static final long FIRST_CHUNK = 1000;
    static final long MIN_CHUNK = 100;
    static final long MAX_CHUNK = 500_000;

    private TableVerifier() {
    }

    public static TableResult verify(TablePair pair, Connection source, Connection destination, Options options)
            throws SQLException, InterruptedException {
        long started = System.nanoTime();
        List<TableChecksum.Column> sourceColumns = pair.columns().stream()
                .map(c -> new TableChecksum.Column(c.source(), c.dataType())).toList();
        SideSql sourceSql = new SideSql(Identifiers.quote(pair.sourceDatabase(), pair.sourceTable()), pair.sourceKey(), sourceColumns,
                pair.sourceFilter());
        JdbcChunkReader src = new JdbcChunkReader(source, sourceSql);

        Map<String, String> destinationTypes = columnTypes(destination, pair.destinationDatabase(), pair.destinationTable());
        if (destinationTypes.isEmpty()) {
            return TableResult.notCompared(pair, TableResult.Outcome.MISSING_ON_DESTINATION, src.checksum(KeyRange.ALL).rows(), null,
                    millisSince(started));
        }
        List<TableChecksum.Column> destinationColumns = new ArrayList<>();
        for (TablePair.ColumnPair c : pair.columns()) {
            String type = destinationTypes.get(c.destination().toLowerCase(Locale.ROOT));
            if (type == null) {
                return TableResult.notCompared(pair, TableResult.Outcome.NOT_COMPARABLE, 0, "column " + c.destination()
                        + " is missing on the destination", millisSince(started));
            }
            destinationColumns.add(new TableChecksum.Column(c.destination(), type));
        }
        SideSql destinationSql = new SideSql(Identifiers.quote(pair.destinationDatabase(), pair.destinationTable()),
                pair.destinationKey(), destinationColumns, null);
        JdbcChunkReader dst = new JdbcChunkReader(destination, destinationSql);

        if (pair.sourceKey().isEmpty()) {
            return withoutKey(pair, src, dst, options, started);
        }

        ChunkSizer sizer = new ChunkSizer(options.chunkTargetMillis(), FIRST_CHUNK, MIN_CHUNK, MAX_CHUNK);
        ChunkBisector bisector = new ChunkBisector(src, dst, options.rowsCompared());
        RowDiff diff = new RowDiff();
        long sourceRows = 0;
        long destinationRows = 0;
        int chunks = 0;
        RowKey lower = null;
        do {
            long t0 = System.nanoTime();
            RowKey upper = src.keyAt(new KeyRange(lower, null), sizer.size() - 1);
            if (upper != null && upper.equals(lower)) {
                throw new IllegalStateException("the walk along the primary key does not advance past (" + lower + ")");
            }
            KeyRange chunk = new KeyRange(lower, upper);
            ChunkSum s = src.checksum(chunk);
            ChunkSum d = dst.checksum(chunk);
            sizer.observe(Math.max(s.rows(), d.rows()), System.nanoTime() - t0);
            bisector.narrow(chunk, s, d, diff);
            sourceRows += s.rows();
            destinationRows += d.rows();
            chunks++;
            options.limiter().acquire(s.rows() + d.rows());
            lower = upper;
        } while (lower != null);

        for (int i = 0; i < options.rechecks() && !diff.isEmpty(); i++) {
            Thread.sleep(options.recheckAfterMillis());
            RowDiff again = new RowDiff();
            again.addFrom(src.rowHashes(diff.keys()), dst.rowHashes(diff.keys()));
            boolean settled = again.sameAs(diff);
            diff = again;
            if (settled) {
                break;
            }
        }
        List<String> repair = options.repair() && !diff.isEmpty() ? repair(pair, src, diff) : List.of();
        TableResult.Outcome outcome = diff.isEmpty() ? TableResult.Outcome.IDENTICAL : TableResult.Outcome.DIFFERENT;
        return new TableResult(pair, outcome, sourceRows, destinationRows, chunks, diff.missing(), diff.extra(), diff.different(),
                null, millisSince(started), repair);
    }

    /** A table without a primary key: one checksum of all its rows on each side; a difference cannot be named by row. */
    private static TableResult withoutKey(TablePair pair, JdbcChunkReader src, JdbcChunkReader dst, Options options, long started)
            throws SQLException, InterruptedException {
        ChunkSum s = src.checksum(KeyRange.ALL);
        ChunkSum d = dst.checksum(KeyRange.ALL);
        for (int i = 0; i < options.rechecks() && !s.equals(d); i++) {
            Thread.sleep(options.recheckAfterMillis());
            s = src.checksum(KeyRange.ALL);
            d = dst.checksum(KeyRange.ALL);
        }
        options.limiter().acquire(s.rows() + d.rows());
        boolean same = s.equals(d);
        return new TableResult(pair, same ? TableResult.Outcome.IDENTICAL : TableResult.Outcome.DIFFERENT, s.rows(), d.rows(), 1,
                List.of(), List.of(), List.of(), same ? null : "contents differ; the table has no primary key, so rows cannot be "
                        + "named or repaired one by one", millisSince(started), List.of());
    }

    private static List<String> repair(TablePair pair, JdbcChunkReader src, RowDiff diff) throws SQLException {
        List<String> statements = new ArrayList<>();
        List<RowKey> fromSource = new ArrayList<>(diff.missing());
        fromSource.addAll(diff.different());
        Map<RowKey, List<String>> values = fromSource.isEmpty() ? Map.of() : src.values(fromSource);
        for (RowKey k : diff.missing()) {
            List<String> v = values.get(k);
            if (v != null) {
                statements.add(RepairSql.insert(pair, v));
            }
        }
        for (RowKey k : diff.different()) {
            List<String> v = values.get(k);
            String update = v == null ? null : RepairSql.update(pair, v);
            if (update != null) {
                statements.add(update);
            }
        }
        for (RowKey k : diff.extra()) {
            statements.add(RepairSql.delete(pair, k));
        }
        return statements;
    }

    /** Column name (lower case) to data type, in the order of the table; empty when the table does not exist. */
    static Map<String, String> columnTypes(Connection c, String database, String table) throws SQLException {
        Map<String, String> types = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME, DATA_TYPE FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            ps.setString(1, database);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
                }
            }
        }
        return types;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
