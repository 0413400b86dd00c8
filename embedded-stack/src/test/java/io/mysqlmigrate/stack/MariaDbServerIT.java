package io.mysqlmigrate.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts real private MariaDB servers (mariadbd child processes) on free ports. */
class MariaDbServerIT {
    @TempDir
    static Path baseDir;
    private static MariaDbServer server;

    @BeforeAll
    static void start() {
        long begin = System.nanoTime();
        server = MariaDbServer.start(new ServerOptions().name("it-source").baseDir(baseDir).serverId(7));
        System.out.printf("[measure] MariaDB first start incl. install-db: %d ms, RSS %s%n",
                (System.nanoTime() - begin) / 1_000_000, Rss.of(server.pid()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
            server.stop(); // idempotent
            assertFalse(server.isRunning());
        }
    }

    @Test
    void runsOnAPrivatePortWithRowBinlogAndFullImages() throws Exception {
        assertNotEquals(3306, server.port());
        assertEquals(Path.of(server.baseDir().toString()), baseDir.resolve("it-source"));
        Map<String, String> vars = variables("log_bin", "binlog_format", "binlog_row_image", "server_id",
                "character_set_server", "port");
        assertEquals("ON", vars.get("log_bin"));
        assertEquals("ROW", vars.get("binlog_format"));
        assertEquals("FULL", vars.get("binlog_row_image"));
        assertEquals("7", vars.get("server_id"));
        assertEquals("utf8mb4", vars.get("character_set_server"));
        assertEquals(Integer.toString(server.port()), vars.get("port"));
        assertTrue(Files.size(server.errorLog()) > 0, "error log written");
        Map<String, String> record = InstanceRecord.read(server.baseDir());
        assertEquals(Long.toString(server.pid()), record.get("pid"));
        assertEquals(Integer.toString(server.port()), record.get("port"));
        assertEquals(server.dataDir().toString(), record.get("datadir"));
    }

    @Test
    void migrateUserLogsInOverLoopbackWithAllPrivileges() throws SQLException {
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
        }
        assertTrue(server.jdbcUrl("by_migrate").startsWith("jdbc:mysql://127.0.0.1:" + server.port() + "/by_migrate?"));
    }

    @Test
    void executeNamesTheFailingStatement() {
        StackException e = assertThrows(StackException.class,
                () -> server.execute("SELECT 1", "SELECT * FROM no_such_db.no_such_table"));
        assertTrue(e.getMessage().contains("no_such_db.no_such_table"), e.getMessage());
    }

    @Test
    void killThenRestartKeepsCommittedDataOnTheSamePort() throws SQLException {
        server.execute("CREATE DATABASE crash", "CREATE TABLE crash.t (id INT PRIMARY KEY) ENGINE=InnoDB",
                "INSERT INTO crash.t VALUES (1), (2), (3)");
        int port = server.port();
        long pid = server.pid();
        server.kill();
        assertFalse(server.isRunning());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        long begin = System.nanoTime();
        server.restart();
        System.out.printf("[measure] MariaDB restart after SIGKILL (crash recovery): %d ms%n",
                (System.nanoTime() - begin) / 1_000_000);
        assertEquals(port, server.port());
        assertNotEquals(pid, server.pid());
        try (Connection connection = server.connect("crash"); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            assertEquals(3, rs.getInt(1));
        }
    }

    @Test
    void detachedServerWithExtraArgsIsStoppedFromItsDirectory() throws Exception {
        MariaDbServer detached = MariaDbServer.start(new ServerOptions().name("it-detached")
                .baseDir(baseDir).serverId(9).detached(true).extraArgs("--binlog-format=STATEMENT"));
        long pid = detached.pid();
        try (Connection connection = detached.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT @@binlog_format")) {
            rs.next();
            assertEquals("STATEMENT", rs.getString(1), "extra args override the defaults");
        }
        StackException twice = assertThrows(StackException.class, () -> MariaDbServer.start(
                new ServerOptions().name("it-detached").baseDir(baseDir)));
        assertTrue(twice.getMessage().contains("already runs"), twice.getMessage());
        // pid file and instance.properties are what another JVM would use
        assertEquals(Long.toString(pid), Files.readString(detached.baseDir().resolve("pid")).strip());
        MariaDbServer.stopFromDirectory(detached.baseDir());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(Files.exists(detached.baseDir().resolve("pid")));
        MariaDbServer.stopFromDirectory(detached.baseDir()); // nothing left to stop: a no-op
        assertTrue(ProcessSupport.tail(detached.errorLog(), 5).contains("Shutdown complete"),
                "clean shutdown: " + ProcessSupport.tail(detached.errorLog(), 5));
    }

    private static Map<String, String> variables(String... names) throws SQLException {
        Map<String, String> values = new java.util.HashMap<>();
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            for (String name : names) {
                try (ResultSet rs = statement.executeQuery("SHOW GLOBAL VARIABLES LIKE '" + name + "'")) {
                    if (rs.next()) {
                        values.put(name, rs.getString(2));
                    }
                }
            }
        }
        return values;
    }
}
