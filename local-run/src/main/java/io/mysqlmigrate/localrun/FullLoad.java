package io.mysqlmigrate.localrun;

import io.mysqlmigrate.localrun.SinkWatch.Table;
import io.mysqlmigrate.localrun.SinkWatch.TopicProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The full load watched until the sink has applied the source's snapshot: progress bars per table (a summary every
 * 2 s on a plain console), the sink's retries as they begin and end, and the worker kept in view. No progress for
 * {@link #STALL_TIMEOUT} while both connectors run ends the run with their states.
 */
final class FullLoad {
    static final Duration STALL_TIMEOUT = Duration.ofSeconds(180);

    private final Terminal term;
    private final Connectors connectors;
    private final WorkerWatch workerWatch;
    private final String workerLog;

    FullLoad(Terminal term, Connectors connectors, WorkerWatch workerWatch, String workerLog) {
        this.term = term;
        this.connectors = connectors;
        this.workerWatch = workerWatch;
        this.workerLog = workerLog;
    }

    void run(SinkWatch watch, SourceTables source) throws Exception {
        term.println();
        term.println("Full load (the source's snapshot, applied by the sink)");
        long started = System.nanoTime();
        long lastPrinted = 0;
        long lastChange = System.nanoTime();
        long lastHealth = 0;
        long lastSignature = -1;
        List<ProgressBars.Row> rows = List.of();
        String status = "";
        String lastRetry = "";
        while (true) {
            Map<String, TopicProgress> progress = watch.progress();
            Map<Table, Long> counts = watch.destinationCounts(source.tables());
            rows = source.tables().stream().map(t -> new ProgressBars.Row(t.label(), counts.get(t), source.counts().get(t)))
                    .toList();
            boolean countsReached = rows.stream().allMatch(r -> r.done() >= r.total());
            boolean done = progress.values().stream().allMatch(p -> p.incremental()
                    || (countsReached && p.nextOffset() > 0 && p.pending() == 0));
            status = phaseStatus(progress);
            String retry = ProgressLines.retryNotice(watch.retrying());
            if (!retry.equals(lastRetry)) {
                if (!term.ansi()) {
                    term.println(retry.isEmpty() ? "  the sink's retry is over: a batch succeeded" : "  " + retry);
                }
                lastRetry = retry;
            }
            if (!retry.isEmpty()) {
                status = status + "; " + retry;
            }
            long elapsed = System.nanoTime() - started;
            if (done) {
                if (term.ansi()) {
                    term.area(ProgressBars.render(rows, elapsed, status, term.unicode(), term.columns()));
                } else {
                    term.println(ProgressBars.summary(rows, elapsed, status));
                }
                long applied = rows.stream().mapToLong(ProgressBars.Row::done).sum();
                term.println("  " + term.ok() + " full load complete: " + Format.count(applied) + " rows in "
                        + Format.seconds(elapsed) + " (" + Format.rate(applied, elapsed) + " rows/s, from registration"
                        + " to the last row on the destination)");
                return;
            }
            if (term.ansi()) {
                term.area(ProgressBars.render(rows, elapsed, status, term.unicode(), term.columns()));
            } else if (System.nanoTime() - lastPrinted >= 2_000_000_000L) {
                lastPrinted = System.nanoTime();
                term.println(ProgressBars.summary(rows, elapsed, status));
            }
            long signature = rows.stream().mapToLong(ProgressBars.Row::done).sum() * 31
                    + progress.values().stream().mapToLong(TopicProgress::nextOffset).sum();
            if (signature != lastSignature) {
                lastSignature = signature;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > STALL_TIMEOUT.toNanos()) {
                throw new LocalRunException("The full load made no progress for " + STALL_TIMEOUT.toSeconds()
                        + " s although both connectors run.\n  Connectors: " + String.join("; ", connectors.describe())
                        + (retry.isEmpty() ? "" : "\n  " + retry)
                        + "\n  Fix: look for errors in the worker log " + workerLog + ".");
            }
            if (System.nanoTime() - lastHealth > 1_000_000_000L) {
                lastHealth = System.nanoTime();
                try {
                    if (workerWatch.check()) {
                        lastChange = System.nanoTime(); // the restart's wait is no stall
                    }
                } catch (LocalRunException e) {
                    term.endArea();
                    throw e;
                }
            }
            Thread.sleep(term.ansi() ? 250 : 500);
        }
    }

    private static String phaseStatus(Map<String, TopicProgress> progress) {
        List<String> parts = new ArrayList<>();
        for (TopicProgress p : progress.values()) {
            String phase = p.phase() == null ? "starting" : p.phase();
            parts.add(progress.size() == 1 ? "sink phase " + phase : p.topic() + " " + phase);
        }
        return String.join(", ", parts);
    }
}
