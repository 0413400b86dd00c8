package io.mysqlmigrate.source.objects;

import io.mysqlmigrate.source.capture.RecurringSourceWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the source's views, routines, triggers and events on a thread of its own, every interval, and keeps the
 * newest reading for the task's poll thread to take. The poll thread hands Debezium's changes to Kafka; reading the
 * catalog there (a connection and information_schema queries, tens to hundreds of milliseconds on a busy server)
 * held every change back that long, every interval.
 */
public final class ObjectWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectWatcher.class);

    /** One reading of the catalog on an open connection. */
    @FunctionalInterface
    public interface Catalog {
        List<SourceObject> read(Connection c) throws SQLException;
    }

    private final Catalog catalog;
    private final AtomicReference<List<SourceObject>> newest = new AtomicReference<>();
    private final RecurringSourceWork work;

    public ObjectWatcher(RecurringSourceWork.Connections connections, Catalog catalog, long intervalMs, String name) {
        this.catalog = catalog;
        this.work = new RecurringSourceWork(name, connections).start(intervalMs, this::read, ObjectWatcher::logFailure);
    }

    /** The newest reading not taken yet, or null. */
    public List<SourceObject> take() {
        return newest.getAndSet(null);
    }

    /** Reads the catalog now, on the caller's thread. */
    void readOnce() {
        work.runOnce(this::read, ObjectWatcher::logFailure);
    }

    private void read(Connection c) throws SQLException {
        newest.set(catalog.read(c));
    }

    private static void logFailure(Exception failure) {
        if (failure != null) {
            LOG.warn("Cannot read the source's views and routines ({}); reading again at the next check", failure.getMessage());
        }
    }

    @Override
    public void close() {
        work.close();
    }
}
