package io.mysqlmigrate.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** Polls {@code COUNT(*)} of the destination table every 250 ms until every row is there. */
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
                long count = count(s, ctx.qualifiedTable());
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
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
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
