package io.mysqlmigrate.stack;

import java.time.Duration;

/**
 * One running server process of this JVM, with the optional shutdown hook that stops it when the JVM exits.
 */
final class ChildProcess {
    private final String description;
    private final ProcessHandle handle;
    private final Duration grace;
    private Thread shutdownHook;

    /**
     * @param withShutdownHook stop the process from a JVM shutdown hook
     * @param detached the process may outlive this JVM; when false a watchdog stops it if this JVM is killed
     */
    ChildProcess(String description, Process process, Duration grace, boolean withShutdownHook, boolean detached) {
        this.description = description;
        this.handle = process.toHandle();
        this.grace = grace;
        if (!detached) {
            ProcessSupport.terminateWhenThisJvmDies(handle);
        }
        if (withShutdownHook) {
            shutdownHook = new Thread(this::stopQuietly, "stop " + description);
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    long pid() {
        return handle.pid();
    }

    boolean isAlive() {
        return handle.isAlive();
    }

    ProcessHandle handle() {
        return handle;
    }

    String description() {
        return description;
    }

    /** SIGTERM, up to the grace period, then SIGKILL. True when it stopped within the grace period. */
    boolean stop() {
        removeHook();
        return ProcessSupport.terminate(handle, grace);
    }

    /** SIGKILL, waiting until the process is gone. */
    void kill() {
        removeHook();
        ProcessSupport.kill(handle);
    }

    private void stopQuietly() {
        try {
            ProcessSupport.terminate(handle, grace);
        } catch (RuntimeException e) {
            // the JVM is going down; nothing left to report to
        }
    }

    private synchronized void removeHook() {
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or about to; stopping twice is harmless
            }
            shutdownHook = null;
        }
    }
}
