package io.mysqlmigrate.localrun;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health check of the main job's steps, with the Connect worker the job started in view: a worker whose process
 * exited, or whose REST API stopped answering for {@link #UNANSWERED_LIMIT}, is said to be gone, and restarted on its
 * own ports and directory (at most {@link #MAX_RESTARTS} times a run). The servers and Kafka keep running meanwhile, so
 * the connectors resume from their offsets (the sink's are in the destination) and the migration carries on. A worker
 * the job did not start is never touched: its loss ends the job with how to continue.
 */
final class WorkerWatch {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerWatch.class);
    static final int MAX_RESTARTS = 3;
    static final Duration UNANSWERED_LIMIT = Duration.ofSeconds(30);

    /** The worker process the job started. */
    interface Worker {
        boolean alive();

        /** e.g. "pid 4242, REST http://127.0.0.1:8083". */
        String describe();

        /** Its console output's last lines, for the message. */
        String lastLines();

        /** Starts it again on the same ports and directory; returns once its REST API answers. */
        void restart();
    }

    private final Worker worker;
    private final Runnable connectorsCheck;
    private final Runnable awaitConnectorsRunning;
    private final Terminal term;
    private final String workerLog;
    private final LongSupplier nanoClock;
    private int restarts;
    private long unansweredSinceNanos = -1;

    /**
     * @param worker                 the worker the job started, or null when it runs elsewhere
     * @param connectorsCheck        throws {@link Connectors.WorkerUnreachable} when the REST API does not answer, and a
     *                               {@link LocalRunException} with the trace when a connector or task FAILED
     * @param awaitConnectorsRunning waits until both connectors and their tasks run again after a restart
     */
    WorkerWatch(Worker worker, Runnable connectorsCheck, Runnable awaitConnectorsRunning, Terminal term, String workerLog,
            LongSupplier nanoClock) {
        this.worker = worker;
        this.connectorsCheck = connectorsCheck;
        this.awaitConnectorsRunning = awaitConnectorsRunning;
        this.term = term;
        this.workerLog = workerLog;
        this.nanoClock = nanoClock;
    }

    int restarts() {
        return restarts;
    }

    /** Checks the connectors (and the worker); true when the worker had to be restarted during this call. */
    boolean check() {
        if (worker == null) {
            connectorsCheck.run();
            return false;
        }
        if (!worker.alive()) {
            return restart("The Connect worker this run started (" + worker.describe() + ") has exited");
        }
        try {
            connectorsCheck.run();
            if (unansweredSinceNanos >= 0) {
                term.println("  the Connect worker answers again");
                unansweredSinceNanos = -1;
            }
            return false;
        } catch (Connectors.WorkerUnreachable e) {
            long now = nanoClock.getAsLong();
            if (!worker.alive()) {
                return restart("The Connect worker this run started (" + worker.describe() + ") has exited");
            }
            if (unansweredSinceNanos < 0) {
                unansweredSinceNanos = now;
                term.println("  ! the Connect worker's REST API does not answer (" + e.getCause().getMessage() + "), though its "
                        + "process runs; restarting it if this lasts " + UNANSWERED_LIMIT.toSeconds() + " s");
                return false;
            }
            if (now - unansweredSinceNanos < UNANSWERED_LIMIT.toNanos()) {
                return false;
            }
            return restart("The Connect worker this run started (" + worker.describe() + ") has not answered on its REST "
                    + "API for " + UNANSWERED_LIMIT.toSeconds() + " s");
        }
    }

    private boolean restart(String what) {
        unansweredSinceNanos = -1;
        String tail = worker.lastLines().strip();
        String output = tail.isEmpty() ? "" : "\n  Its last console lines:\n" + tail.replaceAll("(?m)^", "    ");
        if (restarts >= MAX_RESTARTS) {
            LOG.error("{}; restarted {} times already, giving up", what, restarts);
            throw new LocalRunException(what + ", after " + restarts + " restarts in this run; local-run does not restart it "
                    + "again." + output + "\n  The databases and Kafka keep running and the connectors keep their offsets: a "
                    + "worker started again on the same worker.properties carries on where they were."
                    + "\n  Fix: find the cause in the worker log " + workerLog + "; then ./local-run.sh stop && ./local-run.sh "
                    + "starts the run over.");
        }
        restarts++;
        LOG.warn("{}; restarting it ({} of {})", what, restarts, MAX_RESTARTS);
        term.println("  ! " + what + "." + output);
        term.println("  ! restarting it (" + restarts + " of at most " + MAX_RESTARTS + " in this run); the servers and "
                + "Kafka kept running, the connectors resume from their offsets");
        long started = nanoClock.getAsLong();
        try {
            worker.restart();
        } catch (RuntimeException e) {
            throw new LocalRunException("The Connect worker did not start again: " + e.getMessage() + "\n  Fix: see the worker "
                    + "log " + workerLog + "; ./local-run.sh status shows which servers still run; ./local-run.sh stop && "
                    + "./local-run.sh starts the run over.", e);
        }
        awaitConnectorsRunning.run();
        String took = Format.seconds(nanoClock.getAsLong() - started);
        LOG.info("Connect worker restarted ({}) and both connectors run again after {}", worker.describe(), took);
        term.println("  " + term.ok() + " the Connect worker runs again (" + worker.describe() + "), both connectors RUNNING "
                + "after " + took + "; the migration carries on");
        return true;
    }
}
