package io.mysqlmigrate.stack.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Keeps a {@link DemoDatabase} busy the way an application would: small transactions that insert orders with
 * their lines, update orders and customers, and delete orders with their lines, at a bounded pace, until
 * stopped. The first error stops it and is rethrown by {@link #stop()}.
 */
public final class LiveWriter implements AutoCloseable {

    private final Supplier<Connection> connections;
    private final String database;
    private final long pauseMicros;
    private final AtomicLong transactions = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;

    private LiveWriter(Supplier<Connection> connections, String database, int transactionsPerSecond) {
        this.connections = connections;
        this.database = database;
        this.pauseMicros = 1_000_000L / Math.max(1, transactionsPerSecond);
        this.thread = new Thread(this::run, "live-writer-" + database);
        thread.setDaemon(true);
    }

    public static LiveWriter start(Supplier<Connection> connections, String database, int transactionsPerSecond) {
        LiveWriter w = new LiveWriter(connections, database, transactionsPerSecond);
        w.thread.start();
        return w;
    }

    public long transactions() {
        return transactions.get();
    }

    /** Stops the writer and waits for its last transaction; rethrows what stopped it early, if anything. */
    public long stop() {
        running = false;
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw new IllegalStateException("The live writer on " + database + " failed: " + failure.getMessage(), failure);
        }
        return transactions.get();
    }

    @Override
    public void close() {
        stop();
    }

    private void run() {
        Random random = new Random();
        try (Connection c = connections.get()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("USE `" + database + "`");
            }
            long maxOrder = max(c, "orders");
            long maxCustomer = max(c, "customers");
            while (running) {
                long started = System.nanoTime();
                int kind = random.nextInt(100);
                if (kind < 45) {
                    maxOrder = insertOrder(c, random, maxCustomer);
                } else if (kind < 75) {
                    updateOrder(c, random, maxOrder);
                } else if (kind < 88) {
                    deleteOrder(c, random, maxOrder);
                } else {
                    updateCustomer(c, random, maxCustomer);
                }
                c.commit();
                transactions.incrementAndGet();
                long spentMicros = (System.nanoTime() - started) / 1000;
                if (spentMicros < pauseMicros) {
                    Thread.sleep((pauseMicros - spentMicros) / 1000, (int) ((pauseMicros - spentMicros) % 1000) * 1000);
                }
            }
        } catch (Throwable t) {
            failure = t;
        }
    }

    private static long insertOrder(Connection c, Random random, long maxCustomer) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders (customer_id, amount, status, note, placed_at) "
                + "VALUES (?, ?, 'new', ?, NOW(6))", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, 1 + (long) (random.nextDouble() * maxCustomer));
            ps.setBigDecimal(2, new BigDecimal(random.nextInt(1_000_000)).movePointLeft(2));
            ps.setString(3, random.nextBoolean() ? null : "live " + DemoDatabase.NAMES[random.nextInt(DemoDatabase.NAMES.length)]);
            ps.executeUpdate();
            try (var keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO order_lines (order_id, line, sku, qty, price) VALUES (?, ?, ?, ?, ?)")) {
            for (int l = 1; l <= 1 + random.nextInt(3); l++) {
                ps.setLong(1, id);
                ps.setInt(2, l);
                ps.setString(3, "LIVE-" + random.nextInt(500));
                ps.setInt(4, 1 + random.nextInt(20));
                ps.setBigDecimal(5, random.nextInt(5) == 0 ? null : new BigDecimal(random.nextInt(99999)).movePointLeft(2));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return id;
    }

    private static void updateOrder(Connection c, Random random, long maxOrder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE orders SET status = ?, amount = amount + 1, "
                + "note = CONCAT(COALESCE(note, ''), '+') WHERE id = ?")) {
            ps.setString(1, random.nextBoolean() ? "paid" : "shipped");
            ps.setLong(2, 1 + (long) (random.nextDouble() * maxOrder));
            ps.executeUpdate();
        }
    }

    private static void deleteOrder(Connection c, Random random, long maxOrder) throws SQLException {
        long id = 1 + (long) (random.nextDouble() * maxOrder);
        try (PreparedStatement lines = c.prepareStatement("DELETE FROM order_lines WHERE order_id = ?");
             PreparedStatement order = c.prepareStatement("DELETE FROM orders WHERE id = ?")) {
            lines.setLong(1, id);
            lines.executeUpdate();
            order.setLong(1, id);
            order.executeUpdate();
        }
    }

    private static void updateCustomer(Connection c, Random random, long maxCustomer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE customers SET balance = balance + ?, avatar = ? WHERE id = ?")) {
            ps.setBigDecimal(1, new BigDecimal(random.nextInt(100_000)).movePointLeft(6));
            ps.setBytes(2, random.nextInt(4) == 0 ? null : new byte[] {(byte) random.nextInt(), 0, 0});
            ps.setLong(3, 1 + (long) (random.nextDouble() * maxCustomer));
            ps.executeUpdate();
        }
    }

    private static long max(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT COALESCE(MAX(id), 1) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
