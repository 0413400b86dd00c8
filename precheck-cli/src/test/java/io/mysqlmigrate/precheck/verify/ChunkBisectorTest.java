package io.mysqlmigrate.precheck.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Bisection on in-memory sides: it finds exactly the differing rows and reads few rows to do it. */
class ChunkBisectorTest {

    /** A side held in a sorted map from a numeric key to the row's hash; counts the rows it hands out one by one. */
    static final class MemorySide implements ChunkReader {
        final TreeMap<Long, String> rows = new TreeMap<>();
        long rowsRead;

        static RowKey key(long k) {
            return new RowKey(List.of(k), List.of(Long.toHexString(k)));
        }

        NavigableMap<Long, String> in(KeyRange r) {
            NavigableMap<Long, String> m = rows;
            if (r.lower() != null) {
                m = m.tailMap((Long) r.lower().values().get(0), false);
            }
            if (r.upper() != null) {
                m = m.headMap((Long) r.upper().values().get(0), true);
            }
            return m;
        }

        @Override
        public ChunkSum checksum(KeyRange range) {
            NavigableMap<Long, String> m = in(range);
            long sum = 0;
            long xor = 0;
            for (Map.Entry<Long, String> e : m.entrySet()) {
                long h = (e.getKey() + "/" + e.getValue()).hashCode();
                sum += h;
                xor ^= h * 31 + e.getKey();
            }
            return new ChunkSum(m.size(), Long.toString(sum), Long.toString(xor));
        }

        @Override
        public RowKey keyAt(KeyRange range, long offset) {
            return in(range).keySet().stream().skip(offset).findFirst().map(MemorySide::key).orElse(null);
        }

        @Override
        public Map<RowKey, String> rowHashes(KeyRange range) {
            Map<RowKey, String> out = new LinkedHashMap<>();
            in(range).forEach((k, v) -> out.put(key(k), v));
            rowsRead += out.size();
            return out;
        }

        @Override
        public Map<RowKey, String> rowHashes(Collection<RowKey> keys) {
            Map<RowKey, String> out = new LinkedHashMap<>();
            for (RowKey k : keys) {
                String v = rows.get((Long) k.values().get(0));
                if (v != null) {
                    out.put(k, v);
                }
            }
            return out;
        }
    }

    private static MemorySide[] identical(int n) {
        MemorySide s = new MemorySide();
        MemorySide d = new MemorySide();
        for (long k = 1; k <= n; k++) {
            s.rows.put(k * 2, "row" + k);
            d.rows.put(k * 2, "row" + k);
        }
        return new MemorySide[] {s, d};
    }

    private static RowDiff narrow(MemorySide s, MemorySide d, ChunkBisector b) throws Exception {
        RowDiff diff = new RowDiff();
        b.narrow(KeyRange.ALL, s.checksum(KeyRange.ALL), d.checksum(KeyRange.ALL), diff);
        return diff;
    }

    @Test
    void findsAMissingAnExtraAndAChangedRowInALargeRangeReadingFewRows() throws Exception {
        MemorySide[] sides = identical(100_000);
        MemorySide s = sides[0];
        MemorySide d = sides[1];
        d.rows.remove(20_000L);
        d.rows.put(77_777L, "extra");
        d.rows.put(150_000L, "changed");
        ChunkBisector b = new ChunkBisector(s, d, 64);
        RowDiff diff = narrow(s, d, b);
        assertEquals(List.of(MemorySide.key(20_000)), diff.missing());
        assertEquals(List.of(MemorySide.key(77_777)), diff.extra());
        assertEquals(List.of(MemorySide.key(150_000)), diff.different());
        assertTrue(s.rowsRead + d.rowsRead <= 3 * 2 * 64, "read " + (s.rowsRead + d.rowsRead) + " rows one by one");
        assertTrue(b.checksums() < 3 * 2 * 2 * 17, b.checksums() + " checksums for 3 differences in 100k rows");
    }

    @Test
    void identicalRangesCostNothing() throws Exception {
        MemorySide[] sides = identical(1000);
        ChunkBisector b = new ChunkBisector(sides[0], sides[1], 64);
        assertTrue(narrow(sides[0], sides[1], b).isEmpty());
        assertEquals(0, b.checksums());
        assertEquals(0, sides[0].rowsRead + sides[1].rowsRead);
    }

    @Test
    void anEmptySourceRangeIsSplitOnTheDestinationsRows() throws Exception {
        MemorySide s = new MemorySide();
        MemorySide d = new MemorySide();
        for (long k = 1; k <= 1000; k++) {
            d.rows.put(k, "x");
        }
        RowDiff diff = narrow(s, d, new ChunkBisector(s, d, 64));
        assertEquals(1000, diff.extra().size());
        assertEquals(0, diff.missing().size() + diff.different().size());
    }

    @Test
    void aSmallDifferingRangeIsComparedRowByRow() throws Exception {
        MemorySide[] sides = identical(10);
        sides[1].rows.put(4L, "changed");
        ChunkBisector b = new ChunkBisector(sides[0], sides[1], 64);
        RowDiff diff = narrow(sides[0], sides[1], b);
        assertEquals(List.of(MemorySide.key(4)), diff.different());
        assertEquals(0, b.checksums());
    }

    @Test
    void aRecheckSeesWhetherDifferencesSettled() {
        RowDiff first = new RowDiff();
        first.addFrom(Map.of(MemorySide.key(1), "a"), Map.of(MemorySide.key(1), "b"));
        RowDiff same = new RowDiff();
        same.addFrom(Map.of(MemorySide.key(1), "a"), Map.of(MemorySide.key(1), "b"));
        RowDiff moved = new RowDiff();
        moved.addFrom(Map.of(MemorySide.key(1), "c"), Map.of(MemorySide.key(1), "b"));
        assertTrue(first.sameAs(same));
        assertTrue(!first.sameAs(moved));
    }
}
