package io.mysqlmigrate.localrun;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A few changes on the demo source that a person can follow: each one is made, printed, and then watched until it
 * shows on the destination, with the time that took. Only ever run against the private demo source.
 */
final class LiveChanges {
    static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(60);

    /** One change and how long it took to show on the destination. */
    record Arrival(String change, long nanos) {
    }

    /** A check on the destination; true once the change is visible there. */
    @FunctionalInterface
    interface Check {
        boolean visible(Connection destination) throws SQLException;
    }

    private final Connection source;
    private final Connection destination;
    private final String database;
    private final Terminal term;
    private final java.util.function.BooleanSupplier healthCheck;
    private final List<Arrival> arrivals = new ArrayList<>();

    /**
     * @param healthCheck run while waiting for an arrival; throws when a connector task has failed, true when it waited
     *                    for a restarted worker (that wait does not count against the arrival timeout)
     */
    LiveChanges(Connection source, Connection destination, String database, Terminal term,
            java.util.function.BooleanSupplier healthCheck) {
        this.source = source;
        this.destination = destination;
        this.database = database;
        this.term = term;
        this.healthCheck = healthCheck;
    }

    List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** The five demo changes: insert, update, delete with lines, ALTER TABLE, and an update of the new column. */
    List<Arrival> run() throws SQLException, InterruptedException {
        String db = "`" + database + "`";
        String label = "Live change " + (term.unicode() ? "✓ " : "") + LocalTime.now().withNano(0)
                .format(DateTimeFormatter.ISO_LOCAL_TIME);

        long customerId;
        long started = System.nanoTime();
        try (PreparedStatement ps = source.prepareStatement("INSERT INTO " + db + ".customers (name, email, balance, "
                + "created_at) VALUES (?, ?, 0, NOW(6))", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, label);
            ps.setString(2, "live-" + System.currentTimeMillis() + "@example.com");
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                customerId = keys.getLong(1);
            }
        }
        long id = customerId;
        await("INSERT customer '" + label + "' (id " + id + ")", started,
                d -> exists(d, "SELECT 1 FROM " + db + ".customers WHERE id = " + id));

        long orderId = single("SELECT id FROM " + db + ".orders WHERE status <> 'shipped' ORDER BY id LIMIT 1");
        String oldStatus = text("SELECT status FROM " + db + ".orders WHERE id = " + orderId);
        started = System.nanoTime();
        execute("UPDATE " + db + ".orders SET status = 'shipped' WHERE id = " + orderId);
        await("UPDATE order " + orderId + ": status " + oldStatus + " -> shipped", started,
                d -> "shipped".equals(textOn(d, "SELECT status FROM " + db + ".orders WHERE id = " + orderId)));

        long deleteId = single("SELECT o.id FROM " + db + ".orders o JOIN " + db + ".order_lines l ON l.order_id = o.id "
                + "WHERE o.id <> " + orderId + " ORDER BY o.id LIMIT 1");
        long lines = single("SELECT COUNT(*) FROM " + db + ".order_lines WHERE order_id = " + deleteId);
        started = System.nanoTime();
        boolean autoCommit = source.getAutoCommit();
        source.setAutoCommit(false);
        try (Statement st = source.createStatement()) {
            st.executeUpdate("DELETE FROM " + db + ".order_lines WHERE order_id = " + deleteId);
            st.executeUpdate("DELETE FROM " + db + ".orders WHERE id = " + deleteId);
            source.commit();
        } finally {
            source.setAutoCommit(autoCommit);
        }
        await("DELETE order " + deleteId + " with its " + lines + " lines (one transaction)", started,
                d -> !exists(d, "SELECT 1 FROM " + db + ".orders WHERE id = " + deleteId + " UNION ALL SELECT 1 FROM "
                        + db + ".order_lines WHERE order_id = " + deleteId));

        started = System.nanoTime();
        execute("ALTER TABLE " + db + ".customers ADD COLUMN vip BOOLEAN NULL");
        await("ALTER TABLE " + database + ".customers ADD COLUMN vip BOOLEAN NULL", started,
                d -> exists(d, "SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '" + database
                        + "' AND TABLE_NAME = 'customers' AND COLUMN_NAME = 'vip'"));

        started = System.nanoTime();
        execute("UPDATE " + db + ".customers SET vip = TRUE WHERE id = " + id);
        await("UPDATE customer " + id + ": vip = TRUE (the new column)", started,
                d -> exists(d, "SELECT 1 FROM " + db + ".customers WHERE vip = TRUE AND id = " + id));
        return arrivals();
    }

    /** Prints the change, then waits until {@code check} sees it on the destination, and prints how long it took. */
    private void await(String change, long startedNanos, Check check) throws InterruptedException {
        term.print("  " + Format.fit(change, 56) + " ");
        long deadline = startedNanos + ARRIVAL_TIMEOUT.toNanos();
        long lastHealthCheck = 0;
        while (true) {
            try {
                if (check.visible(destination)) {
                    long nanos = System.nanoTime() - startedNanos;
                    arrivals.add(new Arrival(change, nanos));
                    term.println((term.unicode() ? "→" : "->") + " arrived in " + Format.seconds(nanos));
                    return;
                }
            } catch (SQLException e) {
                // e.g. the column or table is not there yet; keep looking until the deadline
                if (System.nanoTime() - deadline > 0) {
                    term.println(term.bad());
                    throw new LocalRunException("Cannot check '" + change + "' on the destination: " + e.getMessage(), e);
                }
            }
            if (System.nanoTime() - lastHealthCheck > 1_000_000_000L) {
                lastHealthCheck = System.nanoTime();
                try {
                    long before = System.nanoTime();
                    if (healthCheck.getAsBoolean()) {
                        deadline += System.nanoTime() - before;
                    }
                } catch (RuntimeException e) {
                    term.println(term.bad());
                    throw e;
                }
            }
            if (System.nanoTime() - deadline > 0) {
                term.println(term.bad());
                throw new LocalRunException("The change '" + change + "' did not reach the destination within "
                        + ARRIVAL_TIMEOUT.toSeconds() + " s, although both connectors run.\n  Fix: look at the "
                        + "sink's progress (./local-run.sh status) and the worker log.");
            }
            Thread.sleep(20);
        }
    }

    private static boolean exists(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next();
        }
    }

    private long single(String sql) throws SQLException {
        try (Statement st = source.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                throw new LocalRunException("The demo database has no row for: " + sql);
            }
            return rs.getLong(1);
        }
    }

    private String text(String sql) throws SQLException {
        return textOn(source, sql);
    }

    private static String textOn(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = source.createStatement()) {
            st.execute(sql);
        }
    }
}
