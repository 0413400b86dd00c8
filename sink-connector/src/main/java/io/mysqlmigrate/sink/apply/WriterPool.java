package io.mysqlmigrate.sink.apply;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The writer connections of {@code apply.writers} > 1, each with its own thread. Each commits its share of a
 * batch itself; the task commits the batch's progress on its own connection afterwards. (The task's connection does
 * not take a share: holding its share's locks while waiting for the others, it could block them on InnoDB's gap
 * locks, a wait no deadlock detector sees.) A crash in between leaves shares committed without the progress: the
 * batch is then applied again, which is harmless because only idempotent keyed writes are ever spread (the row ends
 * as the batch's last change of it either way).
 */
public final class WriterPool implements AutoCloseable {

    /** Opens one writer connection with the sink's session settings. */
    @FunctionalInterface
    public interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    /** Runs one writer's share on its connection, in the connection's current transaction. */
    @FunctionalInterface
    interface Share {
        void write(Connection c) throws SQLException;
    }

    private final int writers;
    private final ConnectionFactory factory;
    private final List<Connection> connections = new ArrayList<>();
    private ExecutorService threads;

    public WriterPool(int writers, ConnectionFactory factory) {
        this.writers = writers;
        this.factory = factory;
    }

    public int writers() {
        return writers;
    }

    /**
     * Runs share i on writer i, each committed when it succeeds. The first failure is thrown after every share has
     * finished; shares that failed are rolled back.
     */
    void run(List<Share> shares) throws SQLException {
        ensureOpen();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            Connection c = connections.get(i);
            Share share = shares.get(i);
            running.add(threads.submit(() -> {
                try {
                    share.write(c);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    try {
                        c.rollback();
                    } catch (SQLException ignored) {
                        // the connection is replaced below
                    }
                    throw e;
                }
                return null;
            }));
        }
        Throwable failure = null;
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            close(); // reopened on the next attempt, so no connection is left in an unknown state
            if (failure instanceof SQLException s) {
                throw s;
            }
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            throw new SQLException("Interrupted while the writers applied a batch", failure);
        }
    }

    private void ensureOpen() throws SQLException {
        if (threads == null) {
            threads = Executors.newFixedThreadPool(writers, r -> {
                Thread t = new Thread(r, "mysql-migrate-writer");
                t.setDaemon(true);
                return t;
            });
        }
        while (connections.size() < writers) {
            connections.add(factory.open());
        }
    }

    @Override
    public void close() {
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // gone either way
            }
        }
        connections.clear();
        if (threads != null) {
            threads.shutdownNow();
            threads = null;
        }
    }
}
