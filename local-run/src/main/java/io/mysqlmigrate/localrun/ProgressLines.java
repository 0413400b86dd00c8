package io.mysqlmigrate.localrun;

import io.mysqlmigrate.localrun.SinkWatch.TopicProgress;
import io.mysqlmigrate.sink.retry.RetryEpisode;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The sink's progress in the words of the run's lines and of {@code status}: its delay, and its retries. */
final class ProgressLines {
    private ProgressLines() {
    }

    /**
     * What the sink's tasks retrying within their window say, one clause per task ({@code sink task 0 retrying since
     * ... (attempt 3, ...): <failure>}), or an empty string: such a task shows RUNNING and applies nothing.
     */
    static String retryNotice(Map<Integer, RetryEpisode> retrying) {
        return retrying.entrySet().stream().map(e -> "sink task " + e.getKey() + " " + e.getValue().describe())
                .collect(Collectors.joining("; "));
    }

    /** The retry notice as a line's tail ({@code "  ! sink task 0 retrying ..."}), or an empty string. */
    static String retrySuffix(Map<Integer, RetryEpisode> retrying) {
        String notice = retryNotice(retrying);
        return notice.isEmpty() ? "" : "  ! " + notice;
    }

    /**
     * The incremental delay in one line: "delay 0.6 s, 0 events pending". The delay of a topic is now minus the
     * source time of the last event the sink applied from it; it counts for topics with events still pending, and
     * otherwise (all caught up) for the most recent one, unless the source has been idle for more than 2 s.
     */
    static String delayLine(Map<String, TopicProgress> progress) {
        return delayLine(progress, System.currentTimeMillis());
    }

    static String delayLine(Map<String, TopicProgress> progress, long nowMs) {
        long pending = 0;
        boolean unknownPending = false;
        boolean anyIncremental = false;
        long newest = 0;
        long laggingDelay = -1;
        for (TopicProgress p : progress.values()) {
            anyIncremental |= p.incremental();
            newest = Math.max(newest, p.sourceTsMs());
            if (p.pending() < 0) {
                unknownPending = true;
            } else {
                pending += p.pending();
            }
            if (p.pending() != 0 && p.sourceTsMs() > 0) {
                laggingDelay = Math.max(laggingDelay, nowMs - p.sourceTsMs());
            }
        }
        String prefix = anyIncremental ? "" : "(snapshot phase) ";
        String events = (unknownPending ? "? events" : Format.count(pending) + (pending == 1 ? " event" : " events"))
                + " pending";
        if (newest <= 0) {
            return prefix + "no event applied yet, " + events;
        }
        if (laggingDelay >= 0) {
            return prefix + "delay " + oneDecimal(laggingDelay) + ", " + events;
        }
        long idle = nowMs - newest;
        if (idle <= 2000) {
            return prefix + "delay " + oneDecimal(idle) + ", " + events;
        }
        return prefix + "caught up, " + events + "; no change on the source for " + oneDecimal(idle);
    }

    private static String oneDecimal(long millis) {
        return String.format(Locale.US, "%.1f s", Math.max(0, millis) / 1000.0);
    }
}
