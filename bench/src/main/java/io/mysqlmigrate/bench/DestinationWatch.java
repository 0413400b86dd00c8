package io.mysqlmigrate.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Polls the destination table every 250 ms until every row is there. {@code COUNT(*)} is a full index scan on InnoDB
 * (about 37 ms of the server's CPU at 300,000 rows): polled four times a second through a whole run, it took a share of
 * the two cores from the very pipeline being timed, and only the Connect contenders paid it. The bench's ids are
 * distinct and start at 1, so a table cannot hold more rows than its largest id: {@code MAX(id)}, one index dive, is
 * polled first, and the rows are counted only once it has reached the expected number.
 */
final class DestinationWatch {
    static final Duration POLL = Duration.ofMillis(250);

    /** Something that may throw while the rows are being waited for (a FAILED connector). */
    interface HealthCheck {
        void check() throws Exception;
    }

    private DestinationWatch() {
    }

    /**
     * Returns {@link System#nanoTime()} of the poll that first saw all {@code expected} rows committed. A missing
     * table or database counts as zero rows.
     */
    static long awaitRows(BenchContext ctx, long expected, Duration timeout, HealthCheck health) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastSeen = -1;
        int polls = 0;
        try (Connection c = ctx.destination().connect(); Statement s = c.createStatement()) {
            while (true) {
                long count = maxId(s, ctx.qualifiedTable()) < expected ? 0 : count(s, ctx.qualifiedTable());
                long now = System.nanoTime();
                if (count >= expected) {
                    return now;
                }
                lastSeen = count;
                if (now - deadline > 0) {
                    throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s with " + lastSeen
                            + " of " + expected + " rows on the destination");
                }
                if (++polls % 20 == 0) {
                    health.check();
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    static long count(Statement s, String table) throws SQLException {
        return single(s, "SELECT COUNT(*) FROM " + table);
    }

    /** The largest id, 0 for an empty or missing table: an upper bound of the row count. */
    static long maxId(Statement s, String table) throws SQLException {
        return single(s, "SELECT COALESCE(MAX(id), 0) FROM " + table);
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            if (e.getErrorCode() == 1146 || e.getErrorCode() == 1049) { // no such table / database (yet)
                return 0;
            }
            throw e;
        }
    }
}
