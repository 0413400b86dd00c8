package io.mysqlmigrate.e2e;

import io.mysqlmigrate.stack.DatabaseServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The chaos test's write load: one background thread running multi-statement transactions on the source's
 * {@code customers}, {@code orders}, {@code items} (and, once the test created it, {@code shipments}): inserts,
 * updates, deletes that cascade, unique values moved and swapped between rows. It only names columns that no DDL of
 * the test drops or renames, and picks up the columns and tables the test adds when told so. A statement the server
 * refuses (a deadlock, a lock wait ended by a DDL) rolls its transaction back and counts as failed; a lost connection
 * is opened again.
 */
final class ChaosLoad implements AutoCloseable {

    private final DatabaseServer source;
    private final String db;
    private final Random random;
    private final AtomicLong nextCustomer;
    private final AtomicLong nextOrder;
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean withTier;
    private volatile boolean withShipments;
    private volatile Throwable crash;
    private volatile String lastFailure;

    private ChaosLoad(DatabaseServer source, String db, long seed, long customers, long orders) {
        this.source = source;
        this.db = db;
        this.random = new Random(seed);
        this.nextCustomer = new AtomicLong(customers + 1);
        this.nextOrder = new AtomicLong(orders + 1);
        this.thread = new Thread(this::run, "chaos-load-" + db);
        thread.setDaemon(true);
    }

    /** Starts the load on {@code db}, whose customers and orders are numbered 1 to {@code customers} and {@code orders}. */
    static ChaosLoad start(DatabaseServer source, String db, long seed, long customers, long orders) {
        ChaosLoad load = new ChaosLoad(source, db, seed, customers, orders);
        load.thread.start();
        return load;
    }

    /** From now on transactions also set {@code customers.tier}. */
    void useTier() {
        withTier = true;
    }

    /** From now on transactions also write {@code shipments}. */
    void useShipments() {
        withShipments = true;
    }

    long committed() {
        return committed.get();
    }

    long failed() {
        return failed.get();
    }

    String lastFailure() {
        return lastFailure;
    }

    /** Stops after the transaction in progress; returns the number of committed transactions. */
    long stop() throws InterruptedException {
        running = false;
        thread.join(60_000);
        if (thread.isAlive()) {
            throw new IllegalStateException("the chaos load on " + db + " did not stop within 60 s");
        }
        if (crash != null) {
            throw new IllegalStateException("the chaos load on " + db + " stopped on an unexpected error", crash);
        }
        return committed.get();
    }

    @Override
    public void close() throws InterruptedException {
        if (thread.isAlive()) {
            running = false;
            thread.join(60_000);
        }
    }

    private void run() {
        Connection c = null;
        try {
            while (running) {
                if (c == null) {
                    c = open();
                }
                try {
                    transaction(c);
                    c.commit();
                    committed.incrementAndGet();
                } catch (SQLException e) {
                    failed.incrementAndGet();
                    lastFailure = e.getMessage();
                    try {
                        c.rollback();
                    } catch (SQLException broken) {
                        closeQuietly(c);
                        c = null;
                    }
                }
                Thread.sleep(5); // a steady load that leaves the two cores to the migration too
            }
        } catch (Throwable e) {
            crash = e;
        } finally {
            closeQuietly(c);
        }
    }

    private Connection open() throws SQLException {
        Connection c = source.connect(db);
        c.setAutoCommit(false);
        return c;
    }

    private void transaction(Connection c) throws SQLException {
        int statements = 2 + random.nextInt(4);
        for (int i = 0; i < statements; i++) {
            switch (random.nextInt(withShipments ? 10 : 9)) {
                case 0, 1 -> insertOrder(c);
                case 2 -> update(c, "UPDATE orders SET status = ?, amount = amount + 1 WHERE id = ?",
                        new String[] {"paid", "sent", "returned", "closed"}[random.nextInt(4)], anyOrder());
                case 3 -> update(c, "UPDATE customers SET balance = balance + ?, updated = NOW(3) WHERE id = ?",
                        random.nextInt(1000) - 500, anyCustomer());
                case 4 -> update(c, "DELETE FROM orders WHERE id = ?", anyOrder()); // its items go by ON DELETE CASCADE
                case 5 -> update(c, "UPDATE items SET qty = qty + 1 WHERE order_id = ?", anyOrder());
                case 6 -> swapEmails(c);
                case 7 -> {
                    long id = nextCustomer.getAndIncrement();
                    update(c, "INSERT INTO customers (id, email, name, balance) VALUES (?, ?, ?, 0)", id,
                            "c" + id + "@example.com", "new " + id);
                }
                case 8 -> {
                    if (withTier) {
                        update(c, "UPDATE customers SET tier = ? WHERE id = ?", random.nextInt(4), anyCustomer());
                    } else {
                        update(c, "UPDATE customers SET email = ? WHERE id = ?", "moved" + random.nextInt(1_000_000_000)
                                + "@example.com", anyCustomer());
                    }
                }
                default -> update(c, "INSERT INTO shipments (order_id, carrier) VALUES (?, ?) ON DUPLICATE KEY UPDATE carrier = ?",
                        anyOrder(), "carrier" + random.nextInt(5), "re-routed" + random.nextInt(5));
            }
        }
    }

    private void insertOrder(Connection c) throws SQLException {
        long id = nextOrder.getAndIncrement();
        update(c, "INSERT INTO orders (id, customer_id, amount, status) VALUES (?, ?, ?, 'new')", id, anyCustomer(),
                random.nextInt(100_000) / 100.0);
        int lines = 1 + random.nextInt(3);
        for (int line = 1; line <= lines; line++) {
            update(c, "INSERT INTO items (order_id, line, sku, qty) VALUES (?, ?, ?, ?)", id, line,
                    "sku-" + random.nextInt(500), 1 + random.nextInt(9));
        }
    }

    /** Two customers exchange their e-mail addresses (a unique key) in one transaction, through a third value. */
    private void swapEmails(Connection c) throws SQLException {
        long a = anyCustomer();
        long b = anyCustomer();
        if (a == b) {
            return;
        }
        String ea = email(c, a);
        String eb = email(c, b);
        if (ea == null || eb == null) {
            return;
        }
        update(c, "UPDATE customers SET email = ? WHERE id = ?", "swap-" + a, a);
        update(c, "UPDATE customers SET email = ? WHERE id = ?", ea, b);
        update(c, "UPDATE customers SET email = ? WHERE id = ?", eb, a);
    }

    private static String email(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT email FROM customers WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private long anyCustomer() {
        return 1 + (long) random.nextInt((int) Math.max(1, nextCustomer.get() - 1));
    }

    private long anyOrder() {
        return 1 + (long) random.nextInt((int) Math.max(1, nextOrder.get() - 1));
    }

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the connection is gone already
            }
        }
    }
}
