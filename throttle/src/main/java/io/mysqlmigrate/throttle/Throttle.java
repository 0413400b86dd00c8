package io.mysqlmigrate.throttle;

import java.util.function.LongSupplier;

/**
 * Caps how fast a connector moves rows: rows per second and bytes per second, whichever is tighter. Each batch books the
 * time it is worth at the capped rates; a batch that arrives before the previous bookings have run out waits for
 * them. The average rate over any stretch of time stays under the caps (one batch of burst at most). A cap of 0
 * means none.
 */
public final class Throttle {

    /** Sleeps for the given time; tests replace it. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final double rowsPerSecond;
    private final double bytesPerSecond;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private long nextFreeNanos;

    public Throttle(double rowsPerSecond, double bytesPerSecond, LongSupplier nanoClock, Sleeper sleeper) {
        this.rowsPerSecond = rowsPerSecond;
        this.bytesPerSecond = bytesPerSecond;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
        this.nextFreeNanos = nanoClock.getAsLong();
    }

    public static Throttle system(double rowsPerSecond, double bytesPerSecond) {
        return new Throttle(rowsPerSecond, bytesPerSecond, System::nanoTime, Thread::sleep);
    }

    public boolean limited() {
        return rowsPerSecond > 0 || bytesPerSecond > 0;
    }

    /** Waits until {@code rows} rows of {@code bytes} bytes may be applied; returns the milliseconds waited. */
    public long acquire(long rows, long bytes) throws InterruptedException {
        if (!limited() || (rows == 0 && bytes == 0)) {
            return 0;
        }
        double seconds = Math.max(rowsPerSecond > 0 ? rows / rowsPerSecond : 0, bytesPerSecond > 0 ? bytes / bytesPerSecond : 0);
        long now = nanoClock.getAsLong();
        long waitNanos = Math.max(0, nextFreeNanos - now);
        nextFreeNanos = Math.max(now, nextFreeNanos) + (long) (seconds * 1_000_000_000L);
        long waitMillis = waitNanos / 1_000_000;
        if (waitMillis > 0) {
            sleeper.sleep(waitMillis);
        }
        return waitMillis;
    }
}
