package io.mysqlmigrate.stack;

import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every server the stack runs as a child process shares: its directory (where its pid record lives), its
 * process, and the lifecycle: stop (SIGTERM, then SIGKILL after a grace period), kill (SIGKILL, as in a crash),
 * restart on the same ports and data. Subclasses say how to launch the server and when it is ready.
 */
public abstract class ManagedServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedServer.class);
    static final Duration STOP_GRACE = Duration.ofSeconds(20);

    protected final Path dir;
    private final String description;
    private ChildProcess process;

    protected ManagedServer(Path dir, String description) {
        this.dir = dir;
        this.description = description;
    }

    /** Launches the server process, {@linkplain #attach attaches} it, and returns once the server answers. */
    protected abstract void launchAndAwait();

    /** Records the process just launched; the lifecycle methods act on it. */
    protected final synchronized void attach(ChildProcess launched) {
        this.process = launched;
    }

    public synchronized long pid() {
        return process.pid();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** SIGTERM, up to 20 s, then SIGKILL. Idempotent. */
    public synchronized void stop() {
        if (process != null) {
            if (!process.stop()) {
                LOG.warn("{} did not shut down within {} s; killed it", description, STOP_GRACE.toSeconds());
            }
            InstanceRecord.clearPid(dir);
        }
    }

    /** SIGKILL, as in a crash: no graceful shutdown. {@link #restart()} starts it again. */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
            InstanceRecord.clearPid(dir);
        }
    }

    /** Stops the server if it runs and starts it again on the same ports and data, waiting until it is ready. */
    public synchronized void restart() {
        stop();
        launchAndAwait();
    }

    @Override
    public void close() {
        stop();
    }
}
