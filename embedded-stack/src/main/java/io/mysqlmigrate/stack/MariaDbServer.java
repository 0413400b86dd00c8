package io.mysqlmigrate.stack;

import io.mysqlmigrate.dialect.Flavour;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A private MariaDB instance from Debian's {@code mariadb-server}: its own data directory, port and socket, run as a
 * child process of this JVM. Root has an empty password (local connections only); the account
 * {@code migrate}/{@code migrate} has all privileges from any host and is the one meant for the connectors.
 */
public final class MariaDbServer extends LocalDatabaseServer {
    static final String KIND = "mariadb";

    private MariaDbServer(ServerOptions options, Path dir, int port) {
        super(options, dir, port);
    }

    /** Initialises the data directory when it is new, starts the server and waits until it accepts logins. */
    public static MariaDbServer start(ServerOptions options) {
        Path dir = instanceDir(options, KIND);
        MariaDbServer server = new MariaDbServer(options, dir, PortAllocator.portOrFree(options.port()));
        server.startNew();
        return server;
    }

    /** Stops the (detached) instance whose directory is {@code dir}: SIGTERM, 20 s, SIGKILL. */
    public static void stopFromDirectory(Path dir) {
        InstanceRecord.stop(dir.toAbsolutePath(), KIND, STOP_GRACE);
    }

    @Override
    public Flavour flavour() {
        return Flavour.MARIADB;
    }

    @Override
    protected String kind() {
        return KIND;
    }

    @Override
    public Path errorLog() {
        return dir.resolve("mariadb.err");
    }

    @Override
    protected Initialisation initialisation() {
        Path log = dir.resolve("install-db.log");
        // A private tmpdir: at start MariaDB deletes '#sql*' files in its tmpdir, so two instances bootstrapping at
        // once in a shared /tmp delete each other's temporary tables (seen: "Can't find file '/tmp/#sql-temptable...'").
        List<String> command = List.of(ProcessSupport.findBinary("mariadb-install-db", "mysql_install_db").toString(),
                "--no-defaults", "--datadir=" + dataDir, "--user=" + osUser(),
                "--auth-root-authentication-method=normal", "--tmpdir=" + tmpDir(dir));
        return new Initialisation("mariadb-install-db", command, log, log, Duration.ofSeconds(120));
    }

    @Override
    protected List<String> serverCommand() {
        return serverCommand(ProcessSupport.findBinary("mariadbd", "mysqld"), options, dir, socket, port);
    }

    /** The full mariadbd command line; extra arguments come last so they override the defaults. */
    static List<String> serverCommand(Path binary, ServerOptions options, Path dir, Path socket, int port) {
        List<String> own = new ArrayList<>(List.of(
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_general_ci"));
        if (options.binlog()) {
            own.addAll(List.of("--log-bin=mysql-bin", "--binlog-format=ROW", "--binlog-row-image=FULL"));
        }
        own.add("--innodb-log-file-size=64M");
        return commandLine(List.of(binary.toString(), "--no-defaults"), options, dir, socket, port,
                dir.resolve("mariadbd.pid"), dir.resolve("mariadb.err"), own);
    }

    /** Drops the anonymous accounts (they shadow user@'%' over 127.0.0.1) and creates the migrate account. */
    @Override
    protected void setUpAccounts() {
        List<String> statements = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet anonymous = statement.executeQuery("SELECT Host FROM mysql.user WHERE User = ''")) {
            while (anonymous.next()) {
                statements.add("DROP USER ''@'" + anonymous.getString(1).replace("'", "''") + "'");
            }
        } catch (SQLException e) {
            throw new StackException("Cannot list accounts on " + options.name() + ": " + e.getMessage(), e);
        }
        statements.addAll(migrateAccount());
        statements.add("FLUSH PRIVILEGES");
        execute(statements.toArray(String[]::new));
    }
}
