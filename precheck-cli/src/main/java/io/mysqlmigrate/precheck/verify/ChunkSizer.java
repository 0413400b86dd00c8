package io.mysqlmigrate.precheck.verify;

/**
 * Chooses how many rows the next chunk holds so that checksumming it takes about the target time: the rate of past
 * chunks (rows per second, an exponentially weighted average so one slow chunk does not swing it) times the target,
 * kept between a floor and a ceiling.
 */
public final class ChunkSizer {

    /** Weight of the rate seen so far against the newest chunk's. */
    static final double HISTORY_WEIGHT = 0.75;

    private final double targetSeconds;
    private final long min;
    private final long max;
    private long size;
    private double rate = -1;

    public ChunkSizer(long targetMillis, long initial, long min, long max) {
        if (targetMillis <= 0 || min < 1 || max < min) {
            throw new IllegalArgumentException("chunk sizing needs a positive target and 1 <= min <= max");
        }
        this.targetSeconds = targetMillis / 1000.0;
        this.min = min;
        this.max = max;
        this.size = clamp(initial);
    }

    public long size() {
        return size;
    }

    /** Records a chunk of {@code rows} rows that took {@code nanos}; returns the next chunk's size. */
    public long observe(long rows, long nanos) {
        if (rows > 0 && nanos > 0) {
            double seen = rows / (nanos / 1e9);
            rate = rate < 0 ? seen : HISTORY_WEIGHT * rate + (1 - HISTORY_WEIGHT) * seen;
            size = clamp(Math.round(rate * targetSeconds));
        }
        return size;
    }

    private long clamp(long n) {
        return Math.max(min, Math.min(max, n));
    }
}
