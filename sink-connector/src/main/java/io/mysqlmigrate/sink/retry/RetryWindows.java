package io.mysqlmigrate.sink.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * DTS's retry windows: a failure is retried, with growing pauses, until it has lasted longer than the window of its
 * kind (connection problems get a long one, everything else a short one). A success closes the episode.
 */
public final class RetryWindows {

    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private final Map<FailureKind, Duration> windows = new EnumMap<>(FailureKind.class);
    private final Clock clock;
    private Instant firstFailure;
    private int attempts;

    public RetryWindows(Duration connectionWindow, Duration otherWindow, Clock clock) {
        windows.put(FailureKind.CONNECTION, connectionWindow);
        windows.put(FailureKind.OTHER, otherWindow);
        this.clock = clock;
    }

    /** What to do after a failure: retry after a pause, or give up. */
    public sealed interface Decision permits Retry, GiveUp {
    }

    public record Retry(int attempt, Duration backoff, Duration remaining) implements Decision {
    }

    public record GiveUp(int attempts, Duration lasted, Duration window) implements Decision {
    }

    public Decision onFailure(FailureKind kind) {
        Instant now = clock.instant();
        if (firstFailure == null) {
            firstFailure = now;
            attempts = 0;
        }
        attempts++;
        Duration lasted = Duration.between(firstFailure, now);
        Duration window = windows.get(kind);
        if (lasted.compareTo(window) >= 0) {
            return new GiveUp(attempts, lasted, window);
        }
        long factor = 1L << Math.min(attempts - 1, 6);
        Duration backoff = FIRST_BACKOFF.multipliedBy(factor);
        if (backoff.compareTo(MAX_BACKOFF) > 0) {
            backoff = MAX_BACKOFF;
        }
        Duration remaining = window.minus(lasted);
        if (backoff.compareTo(remaining) > 0) {
            backoff = remaining;
        }
        return new Retry(attempts, backoff, remaining);
    }

    /** When the current episode's first failure happened; null when no failure is being retried. */
    public Instant since() {
        return firstFailure;
    }

    public void onSuccess() {
        firstFailure = null;
        attempts = 0;
    }
}
