package io.mysqlmigrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.stack.SharedStack;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Views, functions, procedures and triggers through the real stack (source and destination MariaDB, Kafka, Connect).
 * Debezium reports none of their DDL. Views and routines must arrive with the destination account as definer and
 * SQL SECURITY INVOKER, follow later changes on the source, and work; triggers stay on the source, so the rows they
 * write arrive once, through the binary log.
 */
class ViewsAndRoutinesOnMariaDbKafkaConnectIT {

    private final SharedStack stack = SharedStack.get();

    @Test
    void viewsAndRoutinesArriveAsInvokerAndFollowTheSourceWhileTriggersStayBehind() throws Exception {
        String db = "vr_shop";
        // The objects' definer exists on the source only: the destination must not need it.
        stack.source().execute("CREATE USER IF NOT EXISTS 'app'@'%'", "CREATE DATABASE " + db, "GRANT ALL ON " + db + ".* TO 'app'@'%'",
                "USE " + db,
                "CREATE TABLE orders (id INT PRIMARY KEY, amount INT NOT NULL)",
                "CREATE TABLE audit (id INT AUTO_INCREMENT PRIMARY KEY, order_id INT NOT NULL)",
                "INSERT INTO orders VALUES (1, 5), (2, 50)",
                "CREATE DEFINER = `app`@`%` SQL SECURITY DEFINER VIEW v_big AS SELECT id FROM orders WHERE amount > 10",
                "CREATE DEFINER = `app`@`%` FUNCTION f_double(x INT) RETURNS INT DETERMINISTIC RETURN x * 2",
                "CREATE DEFINER = `app`@`%` PROCEDURE p_count(OUT n INT) READS SQL DATA COMMENT 'counts; orders' "
                        + "BEGIN SELECT COUNT(*) INTO n FROM orders; END",
                "CREATE DEFINER = `app`@`%` TRIGGER tr_audit AFTER INSERT ON orders FOR EACH ROW INSERT INTO audit (order_id) VALUES (NEW.id)");
        try (Migration migration = new Migration(stack, "m-objects", List.of(db))) {
            migration.start(java.util.Map.of("objects.sync.interval.ms", "1000"), java.util.Map.of());
            migration.awaitDestinationRows("SELECT CONCAT_WS(':', TABLE_NAME, SECURITY_TYPE, DEFINER LIKE 'app@%') FROM information_schema.VIEWS "
                    + "WHERE TABLE_SCHEMA = '" + db + "'", List.of("v_big:INVOKER:0"));
            migration.awaitDestinationRows("SELECT CONCAT_WS(':', ROUTINE_NAME, ROUTINE_TYPE, SECURITY_TYPE, DEFINER LIKE 'app@%') FROM "
                    + "information_schema.ROUTINES WHERE ROUTINE_SCHEMA = '" + db + "' ORDER BY ROUTINE_NAME",
                    List.of("f_double:FUNCTION:INVOKER:0", "p_count:PROCEDURE:INVOKER:0"));
            try (Connection d = stack.destination().connect()) {
                assertEquals(List.of("42"), QueryRows.strings(d, "SELECT " + db + ".f_double(21)"));
                assertEquals(List.of("2"), QueryRows.strings(d, "SELECT id FROM " + db + ".v_big"));
                assertEquals(List.of("counts; orders"), QueryRows.strings(d, "SELECT ROUTINE_COMMENT FROM information_schema.ROUTINES "
                        + "WHERE ROUTINE_SCHEMA = '" + db + "' AND ROUTINE_NAME = 'p_count'"));
                assertEquals(List.of(), QueryRows.strings(d, "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = '" + db + "'"),
                        "triggers are held back until the cut-over");
            }

            stack.source().execute("USE " + db,
                    "INSERT INTO orders VALUES (3, 70)",
                    "CREATE OR REPLACE DEFINER = `app`@`%` VIEW v_big AS SELECT id, amount FROM orders WHERE amount > 60",
                    "DROP PROCEDURE p_count",
                    "CREATE DEFINER = `app`@`%` FUNCTION f_one() RETURNS INT DETERMINISTIC RETURN 1",
                    "INSERT INTO orders VALUES (4, 80)");
            migration.awaitDestinationRows("SELECT CONCAT_WS(':', ROUTINE_NAME, SECURITY_TYPE) FROM information_schema.ROUTINES "
                    + "WHERE ROUTINE_SCHEMA = '" + db + "' ORDER BY ROUTINE_NAME", List.of("f_double:INVOKER", "f_one:INVOKER"));
            migration.awaitDestinationRows("SELECT CONCAT_WS(':', id, amount) FROM " + db + ".v_big ORDER BY id", List.of("3:70", "4:80"));
            migration.awaitDestinationRows("SELECT CONCAT_WS(':', id, order_id) FROM " + db + ".audit ORDER BY id", List.of("1:3", "2:4"));
            migration.awaitIdentical(Duration.ofSeconds(60));
        }
    }

    @Test
    void triggersCreatedAtOnceLeaveTheSinksWritesAloneAndEventsArriveDisabled() throws Exception {
        String db = "vr_trig";
        stack.source().execute("CREATE USER IF NOT EXISTS 'app'@'%'", "CREATE DATABASE " + db, "GRANT ALL ON " + db + ".* TO 'app'@'%'",
                "USE " + db,
                "CREATE TABLE orders (id INT PRIMARY KEY, amount INT NOT NULL)",
                // Keyed by the server that wrote it: a trigger firing on the destination too would add a row, not overwrite one.
                "CREATE TABLE audit (order_id INT NOT NULL, written_by INT NOT NULL, PRIMARY KEY (order_id, written_by))",
                "CREATE DEFINER = `app`@`%` TRIGGER tr_audit AFTER INSERT ON orders FOR EACH ROW "
                        + "INSERT INTO audit (order_id, written_by) VALUES (NEW.id, @@server_id)",
                "INSERT INTO orders VALUES (1, 5)",
                "CREATE DEFINER = `app`@`%` EVENT ev_purge ON SCHEDULE EVERY 1 HOUR ENABLE DO DELETE FROM audit WHERE order_id < 0");
        try (Migration migration = new Migration(stack, "m-triggers", List.of(db))) {
            migration.start(java.util.Map.of("triggers.policy", "immediate", "events.migrate", "true", "objects.sync.interval.ms", "1000"),
                    java.util.Map.of());
            migration.awaitDestinationRows("SELECT CONCAT_WS(':', TRIGGER_NAME, DEFINER LIKE 'app@%') FROM information_schema.TRIGGERS "
                    + "WHERE TRIGGER_SCHEMA = '" + db + "'", List.of("tr_audit:0"));
            migration.awaitDestinationRows("SELECT CONCAT_WS(':', EVENT_NAME, STATUS) FROM information_schema.EVENTS WHERE EVENT_SCHEMA = '" + db + "'",
                    List.of("ev_purge:DISABLED"));

            stack.source().execute("INSERT INTO " + db + ".orders VALUES (2, 7), (3, 9)");
            migration.awaitIdentical(Duration.ofSeconds(90));
            String sourceId = Integer.toString(stack.source().serverId());
            try (Connection d = stack.destination().connect(); Statement st = d.createStatement()) {
                assertEquals(List.of("1:" + sourceId, "2:" + sourceId, "3:" + sourceId),
                        QueryRows.strings(d, "SELECT CONCAT_WS(':', order_id, written_by) FROM " + db + ".audit ORDER BY order_id, written_by"),
                        "the sink's rows did not fire the trigger: each audit row arrived once, written by the source");
                st.execute("INSERT INTO " + db + ".orders VALUES (100, 1)");
                assertEquals(List.of("100:" + stack.destination().serverId()),
                        QueryRows.strings(d, "SELECT CONCAT_WS(':', order_id, written_by) FROM " + db + ".audit WHERE order_id = 100"),
                        "a write on the destination by anyone else fires the trigger");
            }
        }
    }

    @Test
    void aSelectionOfTablesLeavesTheDatabasesViewsAndRoutinesBehindAsDtsDoes() throws Exception {
        String db = "vr_tables";
        stack.source().execute("CREATE DATABASE " + db, "USE " + db, "CREATE TABLE t (id INT PRIMARY KEY)", "INSERT INTO t VALUES (1)",
                "CREATE VIEW v AS SELECT id FROM t", "CREATE FUNCTION f() RETURNS INT DETERMINISTIC RETURN 1");
        try (Migration migration = new Migration(stack, "m-objects-tables", List.of(db))) {
            migration.start(java.util.Map.of("tables.include", db + "\\.t", "objects.sync.interval.ms", "500"), java.util.Map.of());
            migration.awaitDestinationRows("SELECT id FROM " + db + ".t", List.of("1"));
            stack.source().execute("INSERT INTO " + db + ".t VALUES (2)");
            migration.awaitDestinationRows("SELECT id FROM " + db + ".t ORDER BY id", List.of("1", "2"));
            // View and routine statements travel in the database's topic ahead of the rows written after them: once a
            // later marker row is applied, whatever the object checks sent before it has been applied too.
            stack.source().execute("INSERT INTO " + db + ".t VALUES (3)");
            migration.awaitDestinationRows("SELECT id FROM " + db + ".t ORDER BY id", List.of("1", "2", "3"));
            try (Connection d = stack.destination().connect()) {
                assertEquals(List.of("t"), QueryRows.strings(d, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + db + "'"));
                assertEquals(List.of(), QueryRows.strings(d, "SELECT ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = '" + db + "'"));
            }
        }
    }

    @Test
    void selectedAccountsArriveWithTheirPasswordHashAndGrants() throws Exception {
        String db = "vr_acct";
        stack.source().execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY)", "INSERT INTO " + db + ".t VALUES (1)",
                "CREATE USER IF NOT EXISTS 'acct_app'@'%' IDENTIFIED BY 'app-secret'",
                "GRANT SELECT, INSERT ON " + db + ".* TO 'acct_app'@'%'",
                "CREATE USER IF NOT EXISTS 'acct_other'@'%' IDENTIFIED BY 'x'");
        try (Migration migration = new Migration(stack, "m-accounts", List.of(db))) {
            migration.start(java.util.Map.of("accounts.include", "acct_app@%"), java.util.Map.of());
            migration.awaitDestinationRows("SELECT CONCAT(User, '@', Host) FROM mysql.user WHERE User LIKE 'acct\\_%'", List.of("acct_app@%"));
            migration.awaitIdentical(Duration.ofSeconds(60));
            String url = "jdbc:mysql://" + stack.destination().host() + ":" + stack.destination().port() + "/" + db
                    + "?useSSL=false&allowPublicKeyRetrieval=true";
            try (Connection app = java.sql.DriverManager.getConnection(url, "acct_app", "app-secret"); Statement st = app.createStatement()) {
                assertEquals(List.of("1"), QueryRows.strings(app, "SELECT id FROM t"), "the source's password works on the destination");
                st.execute("INSERT INTO t VALUES (2)");
                SQLException denied = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> st.execute("DELETE FROM t"));
                assertTrue(denied.getMessage().contains("denied"), "the grant is exactly SELECT, INSERT: " + denied.getMessage());
            }
        }
    }
}
