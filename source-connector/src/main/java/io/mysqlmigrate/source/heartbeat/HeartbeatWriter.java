package io.mysqlmigrate.source.heartbeat;

import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.source.capture.SourceConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the heartbeat on its own schedule and connection. Debezium's heartbeat query runs only when Debezium emits
 * a heartbeat, and it emits them only while binary log events arrive, so on an idle source it wrote once and
 * stopped; a beat of our own keeps events arriving. A failed beat is logged and retried at the next interval with a
 * new connection: the migration does not depend on it.
 */
public final class HeartbeatWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatWriter.class);

    private final MigrationSourceConfig config;
    private final HeartbeatTable table;
    private final ScheduledExecutorService timer;
    private Connection connection;
    private boolean failing;

    public HeartbeatWriter(MigrationSourceConfig config, HeartbeatTable table, String connectorName) {
        this.config = config;
        this.table = table;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mysql-migrate-heartbeat-" + connectorName);
            t.setDaemon(true);
            return t;
        });
    }

    public HeartbeatWriter start(long intervalMillis) {
        timer.scheduleWithFixedDelay(this::beat, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    private void beat() {
        try {
            if (connection == null || connection.isClosed()) {
                connection = SourceConnections.open(config);
                connection.setAutoCommit(true);
            }
            try (Statement st = connection.createStatement()) {
                st.execute(table.beatStatement());
            }
            if (failing) {
                LOG.info("Heartbeats to {} are written again", table.table());
                failing = false;
            }
        } catch (SQLException e) {
            if (!failing) {
                LOG.warn("Cannot write the heartbeat to {} ({}); retrying every interval. The delay metric stands still meanwhile.",
                        table.table(), e.getMessage());
                failing = true;
            }
            closeConnection();
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnection();
    }
}
