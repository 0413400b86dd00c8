package io.mysqlmigrate.sink.retry;

import java.time.Instant;

/**
 * A failure the sink task is retrying within its window: what failed, since when, until when it will keep trying
 * (the window's end, after which the task fails), and how many attempts have failed so far. While it lasts the task
 * shows RUNNING in Connect and applies nothing.
 *
 * @param setting the window's setting ({@code retry.connection.minutes} or {@code retry.other.minutes})
 */
public record RetryEpisode(FailureKind kind, String failure, Instant since, Instant windowEnd, int attempts, String setting) {

    public RetryEpisode {
        failure = failure == null ? "" : failure;
    }

    /** One line for people: {@code retrying since ... (attempt 3, gives up at ... by retry.other.minutes): <failure>}. */
    public String describe() {
        return "retrying since " + since + " (attempt " + attempts + ", " + kind.name().toLowerCase() + " failure; gives up at "
                + windowEnd + " by " + setting + "): " + failure.lines().findFirst().orElse("");
    }
}
