package io.mysqlmigrate.source.capture;

import com.github.shyiko.mysql.binlog.network.AuthenticationException;
import com.github.shyiko.mysql.binlog.network.ServerException;
import java.io.IOException;

/**
 * When the capture starts Debezium's task again after the task stopped on a broken binary log connection.
 *
 * <p>Debezium's binary log client reconnects by itself when the connection ends between events (its keep-alive). When
 * the connection breaks in the middle of an event (the server's Binlog Dump thread killed or a network cut while
 * events arrive), the client's reader fails with an {@link IOException} that Debezium 3.5's MySQL and MariaDB error
 * handlers do not count as retriable (they test the end of the cause chain, which is never an exception), so its task
 * stops for good with "This connector will be stopped", while the source is fine. The capture then starts a new
 * Debezium task from the offsets Connect has committed, as a task restart would; what the broken one had sent after
 * them is sent again and the sink skips it by binary log position.
 *
 * <p>At most {@link #MAX_ATTEMPTS} times in a row without a record read in between, each after a pause of the reader's
 * keep-alive interval; beyond that the failure stops the task as before, naming it. A new task in the snapshot starts
 * the snapshot over, exactly as after a worker's crash (the sink re-creates the tables the interrupted attempt made).
 */
public final class CaptureRestarts {

    public static final int MAX_ATTEMPTS = 5;

    private final long pauseMs;
    private int attempts;

    /** @param pauseMs the pause before each restart: the binary log keep-alive interval */
    public CaptureRestarts(long pauseMs) {
        this.pauseMs = pauseMs;
    }

    /**
     * Whether Debezium's task failed only because its binary log connection broke: an I/O failure, but not an error the
     * server reported (the binary log client's {@link ServerException} and {@link AuthenticationException} are
     * IOExceptions too: a purged position, an event over max_allowed_packet, a missing grant), which a new task would
     * only meet again.
     */
    public static boolean isBrokenConnection(Throwable failure) {
        boolean io = false;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ServerException || t instanceof AuthenticationException) {
                return false;
            }
            io |= t instanceof IOException;
        }
        return io;
    }

    /** Whether to start Debezium's task again after this failure; counts the attempt when it says yes. */
    public boolean restartAfter(Throwable failure) {
        if (!isBrokenConnection(failure) || attempts >= MAX_ATTEMPTS) {
            return false;
        }
        attempts++;
        return true;
    }

    /** Records arrived: the connection works again. */
    public void readSomething() {
        attempts = 0;
    }

    public int attempts() {
        return attempts;
    }

    public long pauseMs() {
        return pauseMs;
    }
}
