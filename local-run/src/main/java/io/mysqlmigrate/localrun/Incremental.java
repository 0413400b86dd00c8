package io.mysqlmigrate.localrun;

import io.mysqlmigrate.stack.demo.LiveWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * The incremental phase: on the demo source a live writer for the planned seconds, one line a second with its
 * transactions and the sink's delay, then a few changes of our own watched until they arrive; on an existing source
 * (never written to) the delay watched for {@link #DELAY_SECONDS_EXISTING} s.
 */
final class Incremental {
    static final int LIVE_TRANSACTIONS_PER_SECOND = 20;
    static final int DELAY_SECONDS_EXISTING = 5;

    private final Terminal term;
    private final RunPlan plan;
    private final Endpoint source;
    private final Endpoint destination;
    private final WorkerWatch workerWatch;

    Incremental(Terminal term, RunPlan plan, RunningStack stack, WorkerWatch workerWatch) {
        this.term = term;
        this.plan = plan;
        this.source = stack.source();
        this.destination = stack.destination();
        this.workerWatch = workerWatch;
    }

    void run(SinkWatch watch) throws Exception {
        term.println();
        term.println("Incremental (changes streamed from the source's binary log)");
        term.println("  delay = now - source time of the last applied event. Source times have 1-second resolution,");
        term.println("  so a delay under 1 s reads as \"within a second\"" + (plan.demoSource()
                ? "; the arrival times further down are exact." : "."));
        if (!plan.demoSource()) {
            term.println("  existing source: no live changes are made; watching the delay for " + DELAY_SECONDS_EXISTING
                    + " s");
            for (int i = 1; i <= DELAY_SECONDS_EXISTING; i++) {
                Thread.sleep(1000);
                workerWatch.check();
                term.println("  " + Format.fit("+" + i + " s", 6) + " " + ProgressLines.delayLine(watch.progress())
                        + ProgressLines.retrySuffix(watch.retrying()));
            }
            return;
        }
        Supplier<Connection> connections = () -> {
            try {
                return source.connect();
            } catch (SQLException e) {
                throw new IllegalStateException(source.explain(e), e);
            }
        };
        term.println("  live writer: " + LIVE_TRANSACTIONS_PER_SECOND + " transactions/s on " + RunPlan.DEMO_DATABASE
                + " for " + plan.liveSeconds() + " s (new orders with lines, order updates and deletes, customer updates)");
        LiveWriter writer = LiveWriter.start(connections, RunPlan.DEMO_DATABASE, LIVE_TRANSACTIONS_PER_SECOND);
        long transactions;
        try {
            long started = System.nanoTime();
            for (int i = 1; i <= plan.liveSeconds(); i++) {
                long next = started + i * 1_000_000_000L;
                long sleep = (next - System.nanoTime()) / 1_000_000L;
                if (sleep > 0) {
                    Thread.sleep(sleep);
                }
                if (workerWatch.check()) {
                    started = System.nanoTime() - i * 1_000_000_000L; // one line a second again after the restart
                }
                term.println("  " + Format.fit("+" + i + " s", 6) + " " + Format.fit(Format.count(writer.transactions())
                        + " tx", 9) + ProgressLines.delayLine(watch.progress()) + ProgressLines.retrySuffix(watch.retrying()));
            }
        } finally {
            transactions = stopWriter(writer);
        }
        term.println("  live writer stopped after " + Format.count(transactions) + " transactions");
        term.println();
        term.println("  A few changes of our own, each watched until it shows on the destination:");
        try (Connection s = source.open(); Connection d = destination.open()) {
            new LiveChanges(s, d, RunPlan.DEMO_DATABASE, term, workerWatch::check).run();
        }
    }

    private static long stopWriter(LiveWriter writer) {
        try {
            return writer.stop();
        } catch (IllegalStateException e) {
            throw new LocalRunException("The demo's live writer failed: " + e.getMessage(), e);
        }
    }
}
