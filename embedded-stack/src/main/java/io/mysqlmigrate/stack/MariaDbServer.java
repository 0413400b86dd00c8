package io.mysqlmigrate.stack;

import io.mysqlmigrate.dialect.Flavour;
import java.nio.file.Files;
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
    protected void initialiseIfNew() {
        if (Files.isDirectory(dataDir.resolve("mysql"))) {
            return;
        }
        Path log = dir.resolve("install-db.log");
        // A private tmpdir: at start MariaDB deletes '#sql*' files in its tmpdir, so two instances bootstrapping at
        // once in a shared /tmp delete each other's temporary tables (seen: "Can't find file '/tmp/#sql-temptable...'").
        List<String> command = List.of(ProcessSupport.findBinary("mariadb-install-db", "mysql_install_db").toString(),
                "--no-defaults", "--datadir=" + dataDir, "--user=" + osUser(),
                "--auth-root-authentication-method=normal", "--tmpdir=" + tmpDir(dir));
        int exit = ProcessSupport.run(command, dir, log, Duration.ofSeconds(120));
        if (exit != 0) {
            throw new StackException("mariadb-install-db for " + options.name() + " exited with " + exit + ":\n"
                    + ProcessSupport.tail(log, 30));
        }
    }

    @Override
    protected List<String> serverCommand() {
        return serverCommand(ProcessSupport.findBinary("mariadbd", "mysqld"), options, dir, socket, port);
    }

    /** The full mariadbd command line; extra arguments come last so they override the defaults. */
    static List<String> serverCommand(Path binary, ServerOptions options, Path dir, Path socket, int port) {
        List<String> command = new ArrayList<>(List.of(
                binary.toString(),
                "--no-defaults",
                "--datadir=" + dir.resolve("data"),
                "--tmpdir=" + tmpDir(dir),
                "--port=" + port,
                "--bind-address=" + HOST,
                "--socket=" + socket,
                "--pid-file=" + dir.resolve("mariadbd.pid"),
                "--user=" + osUser(),
                "--server-id=" + options.serverId(),
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_general_ci",
                "--log-error=" + dir.resolve("mariadb.err"),
                "--skip-name-resolve"));
        if (options.binlog()) {
            command.addAll(List.of("--log-bin=mysql-bin", "--binlog-format=ROW", "--binlog-row-image=FULL"));
        }
        command.addAll(List.of(
                "--innodb-buffer-pool-size=128M",
                "--innodb-log-file-size=64M",
                "--innodb-flush-log-at-trx-commit=2",
                "--sync-binlog=0",
                "--max-allowed-packet=64M",
                "--max-connections=300"));
        command.addAll(options.extraArgs());
        return command;
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
        statements.add("CREATE USER IF NOT EXISTS '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "'");
        statements.add("GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'%' WITH GRANT OPTION");
        statements.add("FLUSH PRIVILEGES");
        execute(statements.toArray(String[]::new));
    }
}
