package io.mysqlmigrate.localrun;

import io.mysqlmigrate.stack.ConnectRestClient;
import io.mysqlmigrate.stack.ConnectRestException;
import io.mysqlmigrate.stack.ConnectorStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The two connectors of a run as seen through the worker's REST API. */
final class Connectors {
    private final ConnectRestClient rest;
    private final List<String> names;
    private final String workerLog;
    private final boolean verbose;

    Connectors(ConnectRestClient rest, List<String> names, String workerLog, boolean verbose) {
        this.rest = rest;
        this.names = List.copyOf(names);
        this.workerLog = workerLog;
        this.verbose = verbose;
    }

    /** Waits until each connector and its tasks are RUNNING; a FAILED one ends the wait with its trace. */
    void awaitRunning(Duration timeout) {
        for (String name : names) {
            try {
                rest.waitUntilRunning(name, timeout);
            } catch (IllegalStateException e) {
                throw new LocalRunException(shorten(e.getMessage()) + "\n  Fix: the trace above names the cause; "
                        + "the whole story is in the worker log " + workerLog + ".");
            } catch (ConnectRestException e) {
                throw e.answered() ? e : workerUnreachable(e);
            }
        }
    }

    /** Throws with the trace when a connector or one of its tasks has FAILED. */
    void check() {
        for (String name : names) {
            ConnectorStatus status;
            try {
                status = rest.status(name);
            } catch (ConnectRestException e) {
                if (e.status() == 404) {
                    throw new LocalRunException("Connector " + name + " is gone from the worker (someone deleted it?)."
                            + "\n  Fix: start again: ./local-run.sh stop && ./local-run.sh");
                }
                throw e.answered() ? e : workerUnreachable(e);
            }
            if (ConnectorStatus.FAILED.equals(status.state())) {
                throw new LocalRunException("Connector " + name + " FAILED:\n" + shorten(status.trace())
                        + "\n  Fix: the trace names the cause; more in the worker log " + workerLog + ".");
            }
            for (ConnectorStatus.TaskStatus task : status.failedTasks()) {
                throw new LocalRunException("Task " + name + "-" + task.id() + " FAILED:\n" + shorten(task.trace())
                        + "\n  Fix: the trace names the cause; more in the worker log " + workerLog + ".");
            }
        }
    }

    /** True when every connector and all its tasks are RUNNING. */
    boolean allRunning() {
        for (String name : names) {
            try {
                if (!rest.status(name).isRunning()) {
                    return false;
                }
            } catch (ConnectRestException e) {
                return false;
            }
        }
        return true;
    }

    /** True when the worker answers and has none of the connectors (after a cutover, or before they were registered). */
    boolean noneRegistered() {
        for (String name : names) {
            try {
                rest.status(name);
                return false;
            } catch (ConnectRestException e) {
                if (e.status() != 404) {
                    return false;
                }
            }
        }
        return true;
    }

    /** "RUNNING (task 0 RUNNING)" per connector, or what went wrong asking. */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (String name : names) {
            try {
                ConnectorStatus s = rest.status(name);
                StringBuilder line = new StringBuilder(Format.fit(name, 14)).append(' ').append(s.state());
                List<String> tasks = s.tasks().stream().map(t -> "task " + t.id() + " " + t.state()).toList();
                line.append(tasks.isEmpty() ? " (no tasks yet)" : " (" + String.join(", ", tasks) + ")");
                lines.add(line.toString());
                if (!s.failedTasks().isEmpty()) {
                    lines.add("    " + shorten(s.failedTasks().get(0).trace()).replace("\n", "\n    "));
                }
            } catch (ConnectRestException e) {
                if (!e.answered()) {
                    lines.add(Format.fit(name, 14) + " unknown: the worker's REST API does not answer");
                } else {
                    lines.add(Format.fit(name, 14) + " " + (e.status() == 404 ? "not registered" : e.getMessage()));
                }
            }
        }
        return lines;
    }

    /** The worker's REST API did not answer; the cause says how the request failed. */
    static final class WorkerUnreachable extends LocalRunException {
        private static final long serialVersionUID = 1L;

        WorkerUnreachable(String message, RuntimeException cause) {
            super(message, cause);
        }
    }

    private WorkerUnreachable workerUnreachable(ConnectRestException e) {
        return new WorkerUnreachable("The Connect worker's REST API " + rest.restUrl() + " does not answer ("
                + e.getMessage() + ").\n  Fix: see the worker log " + workerLog + "; ./local-run.sh status shows "
                + "which servers still run.", e);
    }

    /**
     * A Java stack trace cut to what a person reads: each exception line with its first two frames. With
     * {@code --verbose} the whole trace.
     */
    String shorten(String trace) {
        return verbose ? String.valueOf(trace) : shortenTrace(trace);
    }

    static String shortenTrace(String trace) {
        if (trace == null || trace.isBlank()) {
            return "(no trace)";
        }
        StringBuilder out = new StringBuilder();
        int framesAfterHeader = 0;
        int skipped = 0;
        for (String line : trace.split("\\R")) {
            boolean frame = line.startsWith("\tat ") || line.startsWith("    at ") || line.strip().startsWith("... ");
            if (!frame) {
                framesAfterHeader = 0;
                out.append(line).append('\n');
            } else if (framesAfterHeader < 2) {
                framesAfterHeader++;
                out.append(line).append('\n');
            } else {
                skipped++;
            }
        }
        if (skipped > 0) {
            out.append("\t(").append(skipped).append(" more frames; run with --verbose for all)\n");
        }
        return out.toString().stripTrailing();
    }
}
