package io.mysqlmigrate.sink.apply;

import io.mysqlmigrate.sink.retry.FailureClassifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(WriterPool.class);

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
     * Runs share i on writer i, each committed when it succeeds. Shares are disjoint sets of keyed rows, so they may
     * commit in any order; when writers deadlock on InnoDB's locks of neighbouring keys, each share that lost is run
     * again alone once the others have committed, instead of failing the whole batch. Any other failure, or a share
     * that fails again, is thrown after every share has finished; shares that failed are rolled back.
     */
    void run(List<Share> shares) throws SQLException {
        ensureOpen();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            Connection c = connections.get(i);
            Share share = shares.get(i);
            running.add(threads.submit(() -> {
                commitOrRollBack(share, c);
                return null;
            }));
        }
        Throwable failure = null;
        List<Integer> lostLocks = new ArrayList<>();
        for (int i = 0; i < running.size(); i++) {
            try {
                running.get(i).get();
            } catch (ExecutionException e) {
                if (FailureClassifier.isLockConflict(e.getCause()) && !FailureClassifier.isConnectionLoss(e.getCause())) {
                    lostLocks.add(i);
                } else {
                    failure = failure == null ? e.getCause() : failure;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure == null ? e : failure;
            }
        }
        for (int i : failure == null ? lostLocks : List.<Integer>of()) {
            try {
                commitOrRollBack(shares.get(i), connections.get(i));
            } catch (SQLException | RuntimeException e) {
                failure = e; // the share lost again: the batch fails as it did before writers were run again
                break;
            }
        }
        if (failure == null) {
            if (!lostLocks.isEmpty()) {
                LOG.debug("{} of {} writers lost a lock conflict and applied their share again alone", lostLocks.size(), shares.size());
            }
            return;
        }
        close(); // reopened on the next attempt, so no connection is left in an unknown state
        if (failure instanceof SQLException s) {
            throw s;
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        throw new SQLException("Interrupted while the writers applied a batch", failure);
    }

    private static void commitOrRollBack(Share share, Connection c) throws SQLException {
        try {
            share.write(c);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is replaced when the failure is thrown
            }
            throw e;
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
