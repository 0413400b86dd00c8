package io.mysqlmigrate.localrun;

import io.mysqlmigrate.precheck.verify.DatabaseComparator;
import io.mysqlmigrate.precheck.verify.TableComparison;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every table's definition and rows compared, source against destination, waiting up to {@link #VERIFY_TIMEOUT} (not
 * counting a worker restart) for the destination to catch up; true when all are identical.
 */
final class Verification {
    static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(60);

    private final Terminal term;
    private final RunPlan plan;
    private final Endpoint source;
    private final Endpoint destination;
    private final WorkerWatch workerWatch;

    Verification(Terminal term, RunPlan plan, RunningStack stack, WorkerWatch workerWatch) {
        this.term = term;
        this.plan = plan;
        this.source = stack.source();
        this.destination = stack.destination();
        this.workerWatch = workerWatch;
    }

    boolean run() throws Exception {
        term.println();
        term.println("Verification (every table's definition and rows, source against destination)");
        long started = System.nanoTime();
        long deadline = started + VERIFY_TIMEOUT.toNanos();
        List<TableComparison> last;
        boolean waitingShown = false;
        while (true) {
            try (Connection s = source.open(); Connection d = destination.open()) {
                last = DatabaseComparator.compare(s, d, plan.databases());
            }
            if (DatabaseComparator.allMatch(last) || System.nanoTime() - deadline > 0) {
                break;
            }
            if (!waitingShown) {
                term.println("  not identical yet; waiting up to " + VERIFY_TIMEOUT.toSeconds()
                        + " s for the destination to catch up…");
                waitingShown = true;
            }
            if (workerWatch.check()) {
                deadline = System.nanoTime() + VERIFY_TIMEOUT.toNanos(); // the restart's wait does not count
            }
            Thread.sleep(1000);
        }
        for (TableComparison comparison : last) {
            term.println("  " + (comparison.matches() ? term.ok() : term.bad()) + " " + comparison.describe());
        }
        List<TableComparison> differing = last.stream().filter(c -> !c.matches()).toList();
        if (differing.isEmpty() && !last.isEmpty()) {
            term.println("  RESULT: all " + last.size() + " tables identical on source and destination ("
                    + "definitions and rows), checked in " + Format.secondsSince(started));
            return true;
        }
        if (last.isEmpty()) {
            term.println("  RESULT: nothing to compare: the migrated databases have no tables.");
            return false;
        }
        term.println("  RESULT: " + differing.size() + " of " + last.size() + " tables differ after "
                + VERIFY_TIMEOUT.toSeconds() + " s: " + differing.stream().map(TableComparison::describe)
                        .collect(Collectors.joining("; ")));
        if (!plan.demoSource()) {
            term.println("  (an existing source that keeps changing can differ for a moment; run again when it is quiet)");
        }
        return false;
    }
}
