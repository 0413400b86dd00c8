package io.mysqlmigrate.sink.retry;

import io.mysqlmigrate.dialect.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The retry episode of each sink task, kept in the destination's state database ({@code sink_retries}, one row per
 * task while it retries) so that whoever reads the sink's progress there ({@code mysql-migrate status}, the local run)
 * sees a task that is stuck retrying, wherever the Connect workers run. Plain DELETE and INSERT, valid on both flavours.
 */
public final class RetryRecords {

    public static final String TABLE = "sink_retries";
    /** Longest failure text kept. */
    static final int MAX_FAILURE = 2000;

    private final String table;
    private final String connector;
    private final int task;

    public RetryRecords(String stateDatabase, String connector, int task) {
        this.table = Identifiers.quote(stateDatabase, TABLE);
        this.connector = connector;
        this.task = task;
    }

    /** Creates the table; the state database exists already (the progress store creates it). */
    public void createIfMissing(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + table + " (connector VARCHAR(255) NOT NULL, task INT NOT NULL, "
                    + "failure_kind VARCHAR(16) NOT NULL, failure TEXT NOT NULL, since_ms BIGINT NOT NULL, window_end_ms BIGINT NOT NULL, "
                    + "attempts INT NOT NULL, setting VARCHAR(64) NOT NULL, PRIMARY KEY (connector, task)) CHARACTER SET utf8mb4");
        }
    }

    /** Records this task's episode, in a transaction of its own on {@code c}. */
    public void write(Connection c, RetryEpisode e) throws SQLException {
        try {
            delete(c);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (connector, task, failure_kind, failure, since_ms, "
                    + "window_end_ms, attempts, setting) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, connector);
                ps.setInt(2, task);
                ps.setString(3, e.kind().name());
                ps.setString(4, e.failure().length() > MAX_FAILURE ? e.failure().substring(0, MAX_FAILURE) : e.failure());
                ps.setLong(5, e.since().toEpochMilli());
                ps.setLong(6, e.windowEnd().toEpochMilli());
                ps.setInt(7, e.attempts());
                ps.setString(8, e.setting());
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException ex) {
            c.rollback();
            throw ex;
        }
    }

    /** Removes this task's episode (a batch succeeded, or the task stops), in a transaction of its own on {@code c}. */
    public void clear(Connection c) throws SQLException {
        try {
            delete(c);
            c.commit();
        } catch (SQLException ex) {
            c.rollback();
            throw ex;
        }
    }

    private void delete(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE connector = ? AND task = ?")) {
            ps.setString(1, connector);
            ps.setInt(2, task);
            ps.executeUpdate();
        }
    }

    /** The episodes of a sink connector's tasks, by task; empty when none retries or the sink has not created the table yet. */
    public static Map<Integer, RetryEpisode> read(Connection c, String stateDatabase, String connector) throws SQLException {
        Map<Integer, RetryEpisode> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT task, failure_kind, failure, since_ms, window_end_ms, attempts, setting FROM "
                + Identifiers.quote(stateDatabase, TABLE) + " WHERE connector = ?")) {
            ps.setString(1, connector);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt(1), new RetryEpisode(FailureKind.valueOf(rs.getString(2)), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)), rs.getInt(6), rs.getString(7)));
                }
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == 1146 || e.getErrorCode() == 1049) { // no such table or database: nothing recorded yet
                return out;
            }
            throw e;
        }
        return out;
    }
}
