package io.mysqlmigrate.precheck.verify;

/**
 * A cap on rows read per second, shared by every table verified in parallel: each caller reports the rows it read
 * and waits until the total stays within the cap since the limiter started. Zero or less: no cap.
 */
public final class RateLimiter {

    private final double rowsPerSecond;
    private final long start = System.nanoTime();
    private long rows;

    public RateLimiter(double rowsPerSecond) {
        this.rowsPerSecond = rowsPerSecond;
    }

    public void acquire(long read) throws InterruptedException {
        if (rowsPerSecond <= 0 || read <= 0) {
            return;
        }
        long waitNanos;
        synchronized (this) {
            rows += read;
            waitNanos = delayNanos(rows, System.nanoTime() - start, rowsPerSecond);
        }
        if (waitNanos > 0) {
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
    }

    /** How long to wait so that {@code rows} read in {@code elapsedNanos} stay within the cap. */
    static long delayNanos(long rows, long elapsedNanos, double rowsPerSecond) {
        long due = (long) (rows / rowsPerSecond * 1e9);
        return Math.max(0, due - elapsedNanos);
    }
}
