package io.mysqlmigrate.source.heartbeat;

import io.mysqlmigrate.source.capture.RecurringSourceWork;
import io.mysqlmigrate.source.capture.SourceConnections;
import io.mysqlmigrate.source.capture.SourceEndpoint;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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

    private final HeartbeatTable table;
    private final RecurringSourceWork work;
    private boolean failing;

    public HeartbeatWriter(SourceEndpoint source, HeartbeatTable table, String connectorName) {
        this.table = table;
        this.work = new RecurringSourceWork("mysql-migrate-heartbeat-" + connectorName, () -> {
            Connection c = SourceConnections.open(source);
            c.setAutoCommit(true);
            return c;
        });
    }

    public HeartbeatWriter start(long intervalMillis) {
        work.start(intervalMillis, this::beat, this::ended);
        return this;
    }

    private void beat(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(table.beatStatement());
        }
    }

    /** Logs the first failure of a series and the recovery, not every failed beat. */
    private void ended(Exception failure) {
        if (failure == null && failing) {
            LOG.info("Heartbeats to {} are written again", table.table());
            failing = false;
        } else if (failure != null && !failing) {
            LOG.warn("Cannot write the heartbeat to {} ({}); retrying every interval. The delay metric stands still meanwhile.",
                    table.table(), failure.getMessage());
            failing = true;
        }
    }

    @Override
    public void close() {
        work.close();
    }
}
