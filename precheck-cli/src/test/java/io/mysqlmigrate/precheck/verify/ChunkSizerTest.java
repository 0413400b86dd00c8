package io.mysqlmigrate.precheck.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Chunk sizes follow the observed rate toward the time target, smoothed and bounded. */
class ChunkSizerTest {

    private static final long MS = 1_000_000;

    @Test
    void sizeFollowsTheRateTowardTheTarget() {
        ChunkSizer sizer = new ChunkSizer(500, 1000, 100, 1_000_000);
        assertEquals(1000, sizer.size());
        // 1000 rows in 50 ms: 20,000 rows/s, so 0.5 s holds 10,000 rows.
        assertEquals(10_000, sizer.observe(1000, 50 * MS));
    }

    @Test
    void oneSlowChunkMovesTheSizeOnlyPartly() {
        ChunkSizer sizer = new ChunkSizer(500, 1000, 100, 1_000_000);
        sizer.observe(1000, 50 * MS); // 20,000 rows/s
        long after = sizer.observe(10_000, 5000 * MS); // 2,000 rows/s once
        // weighted: 0.75 * 20,000 + 0.25 * 2,000 = 15,500 rows/s -> 7,750 rows
        assertEquals(7750, after);
        assertTrue(after > 1000, "not down to the slow chunk's rate alone");
    }

    @Test
    void sizeStaysWithinBounds() {
        ChunkSizer sizer = new ChunkSizer(500, 1000, 100, 50_000);
        assertEquals(50_000, sizer.observe(1_000_000, 10 * MS));
        ChunkSizer slow = new ChunkSizer(500, 1000, 100, 50_000);
        assertEquals(100, slow.observe(10, 10_000 * MS));
    }

    @Test
    void anEmptyChunkTeachesNothing() {
        ChunkSizer sizer = new ChunkSizer(500, 1000, 100, 50_000);
        assertEquals(1000, sizer.observe(0, 3 * MS));
    }

    @Test
    void nonsenseBoundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ChunkSizer(0, 1000, 100, 50_000));
        assertThrows(IllegalArgumentException.class, () -> new ChunkSizer(500, 1000, 100, 10));
    }

    @Test
    void theRateLimiterWaitsOnlyWhenAhead() {
        assertEquals(0, RateLimiter.delayNanos(100, 1_000_000_000L, 1000));
        assertEquals(500_000_000L, RateLimiter.delayNanos(1500, 1_000_000_000L, 1000));
    }
}
