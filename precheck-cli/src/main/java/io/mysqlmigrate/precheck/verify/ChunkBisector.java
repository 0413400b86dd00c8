package io.mysqlmigrate.precheck.verify;

import java.sql.SQLException;

/**
 * Narrows a chunk whose checksums differ down to the rows that differ: a chunk small enough is compared row by row
 * (key and row hash from each side); a larger one is split at the middle key of the side holding more rows, and only
 * the halves whose checksums still differ are looked into. A few differences in a large table cost a few checksums
 * per halving instead of reading every row.
 */
public final class ChunkBisector {

    /** Past this depth a range is compared row by row whatever its size (it cannot be reached by halving alone). */
    private static final int MAX_DEPTH = 64;

    private final ChunkReader source;
    private final ChunkReader destination;
    private final long rowsCompared;
    private int checksums;

    /** @param rowsCompared a chunk with at most this many rows on both sides is compared row by row */
    public ChunkBisector(ChunkReader source, ChunkReader destination, long rowsCompared) {
        this.source = source;
        this.destination = destination;
        this.rowsCompared = Math.max(1, rowsCompared);
    }

    /** Adds to {@code diff} every row of {@code range} that differs, given both sides' checksums of it. */
    public void narrow(KeyRange range, ChunkSum s, ChunkSum d, RowDiff diff) throws SQLException {
        narrow(range, s, d, diff, 0);
    }

    /** Checksums computed while narrowing (both sides counted), for the report and the tests. */
    public int checksums() {
        return checksums;
    }

    private void narrow(KeyRange range, ChunkSum s, ChunkSum d, RowDiff diff, int depth) throws SQLException {
        if (s.equals(d)) {
            return;
        }
        long larger = Math.max(s.rows(), d.rows());
        if (larger <= rowsCompared || depth >= MAX_DEPTH) {
            diff.addFrom(source.rowHashes(range), destination.rowHashes(range));
            return;
        }
        ChunkReader splitter = s.rows() >= d.rows() ? source : destination;
        RowKey middle = splitter.keyAt(range, larger / 2 - 1);
        if (middle == null) {
            // The side changed since its count was taken: compare what is there now.
            diff.addFrom(source.rowHashes(range), destination.rowHashes(range));
            return;
        }
        KeyRange left = new KeyRange(range.lower(), middle);
        KeyRange right = new KeyRange(middle, range.upper());
        for (KeyRange half : new KeyRange[] {left, right}) {
            checksums += 2;
            narrow(half, source.checksum(half), destination.checksum(half), diff, depth + 1);
        }
    }
}
