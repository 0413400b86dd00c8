package io.mysqlmigrate.source.objects;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the source's views, routines, triggers and events on a thread of its own, every interval, and keeps the
 * newest reading for the task's poll thread to take. The poll thread hands Debezium's changes to Kafka; reading the
 * catalog there (a connection and information_schema queries, tens to hundreds of milliseconds on a busy server)
 * held every change back that long, every interval: the delay's tail in the bench showed it.
 */
public final class ObjectWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectWatcher.class);

    /** One reading of the catalog on an open connection. */
    @FunctionalInterface
    public interface Catalog {
        List<SourceObject> read(Connection c) throws SQLException;
    }

    /** Opens a connection to the source. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections connections;
    private final Catalog catalog;
    private final AtomicReference<List<SourceObject>> newest = new AtomicReference<>();
    private final ScheduledExecutorService thread;
    private Connection connection;

    public ObjectWatcher(Connections connections, Catalog catalog, long intervalMs, String name) {
        this.connections = connections;
        this.catalog = catalog;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::readOnce, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    /** The newest reading not taken yet, or null. */
    public List<SourceObject> take() {
        return newest.getAndSet(null);
    }

    /** Reads the catalog now (on the caller's thread); the scheduled readings call this. */
    void readOnce() {
        try {
            if (connection == null || !connection.isValid(5)) {
                closeConnection();
                connection = connections.open();
            }
            newest.set(catalog.read(connection));
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Cannot read the source's views and routines ({}); reading again at the next check", e.getMessage());
            closeConnection();
        }
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
