package io.mysqlmigrate.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.dialect.Flavour;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts a real private MySQL 9.7 server (mysqld from the prepared tree) on a free port. */
class MySqlServerIT {
    @TempDir
    static Path baseDir;
    private static MySqlServer server;

    @BeforeAll
    static void start() {
        long begin = System.nanoTime();
        server = MySqlServer.start(new ServerOptions().name("it-mysql").baseDir(baseDir).serverId(9));
        System.out.printf("[measure] MySQL first start incl. --initialize-insecure: %d ms, RSS %s%n",
                (System.nanoTime() - begin) / 1_000_000, Rss.of(server.pid()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
            assertFalse(server.isRunning());
        }
    }

    @Test
    void isMySqlWithRowBinlogGtidsAndMySqlDefaults() throws Exception {
        assertEquals(Flavour.MYSQL, server.flavour());
        assertNotEquals(3306, server.port());
        Map<String, String> vars = variables("version", "version_comment", "log_bin", "binlog_format",
                "binlog_row_image", "gtid_mode", "server_id", "collation_server", "log_bin_trust_function_creators");
        assertTrue(vars.get("version").startsWith("9."), vars.toString());
        assertFalse(vars.get("version").toLowerCase().contains("mariadb"), vars.toString());
        assertEquals("ON", vars.get("log_bin"));
        assertEquals("ROW", vars.get("binlog_format"));
        assertEquals("FULL", vars.get("binlog_row_image"));
        assertEquals("ON", vars.get("gtid_mode"));
        assertEquals("9", vars.get("server_id"));
        assertEquals("utf8mb4_0900_ai_ci", vars.get("collation_server"), "MySQL's own default collation is kept");
        assertEquals("OFF", vars.get("log_bin_trust_function_creators"), "MySQL's own default is kept");
    }

    @Test
    void migrateUserLogsInOverLoopbackAndTheInitFileIsNotInTheBinlog() throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(null), server.user(),
                server.password()); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT CURRENT_USER()")) {
                rs.next();
                assertEquals("migrate@%", rs.getString(1));
            }
            statement.execute("CREATE DATABASE IF NOT EXISTS by_migrate");
            statement.execute("CREATE TABLE by_migrate.t (id INT PRIMARY KEY, name VARCHAR(20))");
            statement.execute("INSERT INTO by_migrate.t VALUES (1, 'ü€😀')");
            try (ResultSet rs = statement.executeQuery("SELECT name FROM by_migrate.t")) {
                rs.next();
                assertEquals("ü€😀", rs.getString(1));
            }
            try (ResultSet rs = statement.executeQuery("SHOW BINLOG EVENTS")) {
                while (rs.next()) {
                    assertFalse(rs.getString("Info").contains("CREATE USER"), rs.getString("Info"));
                }
            }
        }
    }

    @Test
    void restartsOnTheSameDataAndPort() throws SQLException {
        server.execute("CREATE DATABASE IF NOT EXISTS kept", "CREATE TABLE IF NOT EXISTS kept.t (id INT PRIMARY KEY)",
                "REPLACE INTO kept.t VALUES (42)");
        int port = server.port();
        long pid = server.pid();
        server.restart();
        assertEquals(port, server.port());
        assertNotEquals(pid, server.pid());
        try (Connection c = server.connect("kept"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM t")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
    }

    private static Map<String, String> variables(String... names) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            for (String name : names) {
                try (ResultSet rs = s.executeQuery("SHOW GLOBAL VARIABLES LIKE '" + name + "'")) {
                    rs.next();
                    values.put(name, rs.getString(2));
                }
            }
        }
        return values;
    }
}
