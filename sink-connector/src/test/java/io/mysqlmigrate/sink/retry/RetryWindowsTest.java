package io.mysqlmigrate.sink.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryWindowsTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-21T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final RetryWindows windows = new RetryWindows(Duration.ofMinutes(720), Duration.ofMinutes(10), clock);

    @Test
    void backoffGrowsThenCapsAtAMinute() {
        assertEquals(Duration.ofSeconds(1), ((RetryWindows.Retry) windows.onFailure(FailureKind.OTHER)).backoff());
        assertEquals(Duration.ofSeconds(2), ((RetryWindows.Retry) windows.onFailure(FailureKind.OTHER)).backoff());
        assertEquals(Duration.ofSeconds(4), ((RetryWindows.Retry) windows.onFailure(FailureKind.OTHER)).backoff());
        for (int i = 0; i < 5; i++) {
            windows.onFailure(FailureKind.OTHER);
        }
        assertEquals(Duration.ofSeconds(60), ((RetryWindows.Retry) windows.onFailure(FailureKind.OTHER)).backoff());
    }

    @Test
    void otherFailuresGiveUpAfterTheirWindow() {
        windows.onFailure(FailureKind.OTHER);
        clock.now = clock.now.plus(Duration.ofMinutes(9));
        assertInstanceOf(RetryWindows.Retry.class, windows.onFailure(FailureKind.OTHER));
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        RetryWindows.GiveUp giveUp = assertInstanceOf(RetryWindows.GiveUp.class, windows.onFailure(FailureKind.OTHER));
        assertEquals(3, giveUp.attempts());
    }

    @Test
    void connectionFailuresGetTheLongWindow() {
        windows.onFailure(FailureKind.CONNECTION);
        clock.now = clock.now.plus(Duration.ofHours(11));
        assertInstanceOf(RetryWindows.Retry.class, windows.onFailure(FailureKind.CONNECTION));
        clock.now = clock.now.plus(Duration.ofHours(1));
        assertInstanceOf(RetryWindows.GiveUp.class, windows.onFailure(FailureKind.CONNECTION));
    }

    @Test
    void aSuccessClosesTheEpisode() {
        windows.onFailure(FailureKind.OTHER);
        clock.now = clock.now.plus(Duration.ofMinutes(20));
        windows.onSuccess();
        assertInstanceOf(RetryWindows.Retry.class, windows.onFailure(FailureKind.OTHER));
    }

    @Test
    void theBackoffNeverOutlastsTheWindow() {
        windows.onFailure(FailureKind.OTHER);
        clock.now = clock.now.plus(Duration.ofMinutes(10).minusMillis(300));
        assertEquals(Duration.ofMillis(300), ((RetryWindows.Retry) windows.onFailure(FailureKind.OTHER)).backoff());
    }

    @Test
    void connectionProblemsAreToldFromOtherFailures() {
        assertEquals(FailureKind.CONNECTION, FailureKind.of(new SQLNonTransientConnectionException("refused", "08001")));
        assertEquals(FailureKind.CONNECTION, FailureKind.of(new RuntimeException(new SQLException("gone", "HY000", 2006))));
        assertEquals(FailureKind.OTHER, FailureKind.of(new SQLException("Deadlock found", "40001", 1213)));
        assertEquals(FailureKind.OTHER, FailureKind.of(new SQLException("Duplicate column name", "42S21", 1060)));
    }
}
