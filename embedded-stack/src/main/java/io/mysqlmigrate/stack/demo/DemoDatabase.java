package io.mysqlmigrate.stack.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;

/**
 * A small shop database with the values migrations get wrong: utf8mb4 text with emoji, DECIMAL, DATETIME(6),
 * BLOB, BIGINT UNSIGNED at its maximum, ENUM, BIT, TIME(6), composite keys and NULLs.
 */
public final class DemoDatabase {

    public static final List<String> TABLES = List.of("customers", "orders", "order_lines", "events");
    public static final BigDecimal BIGINT_UNSIGNED_MAX = new BigDecimal("18446744073709551615");
    static final String[] NAMES = {"Zoë", "José", "Mårten", "李雷", "Ana 😀", "Ngozi", "Oğuz", "Ελένη 🚀"};

    private DemoDatabase() {
    }

    /** Creates the database and fills it: {@code customers} customers and {@code orders} orders (two lines each). */
    public static void create(Connection c, String database, int customers, int orders) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
            st.execute("USE `" + database + "`");
            st.execute("CREATE TABLE customers (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT, name VARCHAR(100) NOT NULL, "
                    + "email VARCHAR(120) NULL, balance DECIMAL(20,6) NOT NULL DEFAULT 0, created_at DATETIME(6) NOT NULL, "
                    + "avatar BLOB NULL, lifetime_points BIGINT UNSIGNED NULL, PRIMARY KEY (id), UNIQUE KEY uk_email (email))");
            st.execute("CREATE TABLE orders (id BIGINT NOT NULL AUTO_INCREMENT, customer_id BIGINT UNSIGNED NOT NULL, "
                    + "amount DECIMAL(12,2) NOT NULL, status ENUM('new','paid','shipped') NOT NULL DEFAULT 'new', "
                    + "note TEXT NULL, placed_at DATETIME(6) NOT NULL, PRIMARY KEY (id), KEY ix_customer (customer_id))");
            st.execute("CREATE TABLE order_lines (order_id BIGINT NOT NULL, line INT NOT NULL, sku VARCHAR(32) NOT NULL, "
                    + "qty SMALLINT UNSIGNED NOT NULL, price DECIMAL(10,2) NULL, PRIMARY KEY (order_id, line))");
            st.execute("CREATE TABLE events (id BIGINT UNSIGNED NOT NULL, payload MEDIUMBLOB NULL, happened DATE NULL, "
                    + "at TIME(6) NULL, flag BIT(1) NULL, PRIMARY KEY (id))");
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        Random random = new Random(42);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO `" + database + "`.customers "
                + "(name, email, balance, created_at, avatar, lifetime_points) VALUES (?,?,?,?,?,?)")) {
            for (int i = 1; i <= customers; i++) {
                ps.setString(1, NAMES[i % NAMES.length] + " " + i);
                ps.setString(2, i % 10 == 0 ? null : "c" + i + "@example.com");
                ps.setBigDecimal(3, new BigDecimal(random.nextInt(1_000_000)).movePointLeft(6).add(BigDecimal.valueOf(i)));
                ps.setString(4, String.format("2024-%02d-%02d 10:11:12.%06d", 1 + i % 12, 1 + i % 28, i % 1_000_000));
                ps.setBytes(5, i % 7 == 0 ? null : new byte[] {0, (byte) i, 0, (byte) 0xff});
                ps.setBigDecimal(6, i == 1 ? BIGINT_UNSIGNED_MAX : i % 3 == 0 ? null : BigDecimal.valueOf(i * 1000L));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement order = c.prepareStatement("INSERT INTO `" + database + "`.orders "
                + "(customer_id, amount, status, note, placed_at) VALUES (?,?,?,?,?)");
             PreparedStatement line = c.prepareStatement("INSERT INTO `" + database + "`.order_lines VALUES (?,?,?,?,?)")) {
            for (int i = 1; i <= orders; i++) {
                order.setLong(1, 1 + random.nextInt(customers));
                order.setBigDecimal(2, new BigDecimal(random.nextInt(10_000_000)).movePointLeft(2));
                order.setString(3, i % 3 == 0 ? "paid" : "new");
                order.setString(4, i % 5 == 0 ? null : "note " + i + " ✓");
                order.setString(5, String.format("2025-%02d-%02d 08:00:00.%06d", 1 + i % 12, 1 + i % 28, i));
                order.addBatch();
                for (int l = 1; l <= 2; l++) {
                    line.setLong(1, i);
                    line.setInt(2, l);
                    line.setString(3, "SKU-" + (i * 7 + l) % 997);
                    line.setInt(4, 1 + (i + l) % 65535);
                    line.setBigDecimal(5, l == 2 && i % 4 == 0 ? null : new BigDecimal(i % 9999).movePointLeft(2));
                    line.addBatch();
                }
                if (i % 2000 == 0) {
                    order.executeBatch();
                    line.executeBatch();
                    c.commit();
                }
            }
            order.executeBatch();
            line.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO `" + database + "`.events VALUES (?,?,?,?,?)")) {
            for (int i = 1; i <= 200; i++) {
                ps.setLong(1, i);
                ps.setBytes(2, i % 4 == 0 ? null : ("{\"e\":" + i + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                ps.setString(3, i % 5 == 0 ? null : String.format("%04d-01-%02d", i % 2 == 0 ? 1 + i : 1990 + i % 30, 1 + i % 28));
                ps.setString(4, String.format("%02d:%02d:%02d.%06d", i % 24, i % 60, i % 60, i * 31));
                ps.setObject(5, i % 3 == 0 ? null : (Object) (i % 2 == 0));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        c.commit();
        c.setAutoCommit(autoCommit);
    }
}
