package io.mysqlmigrate.localrun;

/**
 * Ctrl-C during the main job: while the servers start, everything started so far is stopped; once they are up they
 * keep running (the migration goes on) and the message says how to look at it or stop it.
 */
final class Interruption {
    private final Terminal term;
    private final StateDirectory state;
    private final Thread hook = new Thread(this::interrupted, "local-run interrupted");
    private volatile boolean starting;
    private volatile boolean up;
    private volatile boolean finished;

    Interruption(Terminal term, StateDirectory state) {
        this.term = term;
        this.state = state;
    }

    void install() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The job is over: an interruption from now on is nobody's business here. */
    void finish() {
        finished = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    void starting(boolean starting) {
        this.starting = starting;
    }

    /** Every server runs; from now on they outlive an interruption. */
    void stackUp() {
        up = true;
    }

    boolean isStackUp() {
        return up;
    }

    private void interrupted() {
        if (finished) {
            return;
        }
        term.endArea();
        if (starting || !up) {
            term.error("\nInterrupted while starting: stopping what had started…");
            StackControl.stopAll(state, null);
        } else {
            term.error("\nInterrupted. The servers keep running (the migration goes on): ./local-run.sh status "
                    + "shows it, ./local-run.sh stop stops it.");
        }
    }
}
