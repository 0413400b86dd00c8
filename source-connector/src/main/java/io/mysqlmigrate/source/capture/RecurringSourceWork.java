package io.mysqlmigrate.source.capture;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Work the source task does beside Debezium (the heartbeat, the reading of the views and routines catalog): on a
 * thread of its own, every interval, on one source connection kept from run to run. A run that fails closes the
 * connection; the next run opens a new one.
 */
public final class RecurringSourceWork implements AutoCloseable {

    /** Opens a connection to the source. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    /** One run of the work. */
    @FunctionalInterface
    public interface Work {
        void run(Connection c) throws SQLException;
    }

    /** Hears how each run ended: {@code failure} is null when it succeeded. */
    @FunctionalInterface
    public interface Outcome {
        void ended(Exception failure);
    }

    private final Connections connections;
    private final ScheduledExecutorService thread;
    private Connection connection;

    public RecurringSourceWork(String threadName, Connections connections) {
        this.connections = connections;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the work every interval, the first run one interval from now. */
    public RecurringSourceWork start(long intervalMs, Work work, Outcome outcome) {
        thread.scheduleWithFixedDelay(() -> runOnce(work, outcome), intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        return this;
    }

    /** One run on the caller's thread (the scheduled runs call this). */
    public void runOnce(Work work, Outcome outcome) {
        try {
            if (connection == null || connection.isClosed()) {
                connection = connections.open();
            }
            work.run(connection);
        } catch (SQLException | RuntimeException e) {
            closeConnection();
            outcome.ended(e);
            return;
        }
        outcome.ended(null);
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // gone either way
            }
            connection = null;
        }
    }

    /** Stops the thread (waiting for a run under way) and closes the connection. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnection();
    }
}
