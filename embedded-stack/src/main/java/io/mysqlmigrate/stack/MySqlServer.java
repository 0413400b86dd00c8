package io.mysqlmigrate.stack;

import io.mysqlmigrate.dialect.Flavour;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A private MySQL 9.7 instance from the tree {@link MySqlInstallation} locates, run as a child process of this
 * JVM exactly as {@link MariaDbServer} runs MariaDB: its own data directory, port and socket, binary log settings
 * under the caller's control (row-based, full images, GTIDs on, as managed MySQL services run). MySQL's own
 * defaults are kept where a user meets them (utf8mb4 with {@code utf8mb4_0900_ai_ci}, strict sql_mode,
 * {@code log_bin_trust_function_creators} off). Root with an empty password is reachable over 127.0.0.1; the
 * account {@code migrate}/{@code migrate} has all privileges from any host and is the one meant for connectors.
 */
public final class MySqlServer extends LocalDatabaseServer {
    static final String KIND = "mysql";

    private final MySqlInstallation installation;

    private MySqlServer(ServerOptions options, Path dir, int port, MySqlInstallation installation) {
        super(options, dir, port);
        this.installation = installation;
    }

    /** Initialises the data directory when it is new, starts the server and waits until it accepts logins. */
    public static MySqlServer start(ServerOptions options) {
        MySqlInstallation installation = MySqlInstallation.locate();
        Path dir = instanceDir(options, KIND);
        MySqlServer server = new MySqlServer(options, dir, PortAllocator.portOrFree(options.port()), installation);
        server.startNew();
        return server;
    }

    /** Stops the (detached) instance whose directory is {@code dir}: SIGTERM, 20 s, SIGKILL. */
    public static void stopFromDirectory(Path dir) {
        InstanceRecord.stop(dir.toAbsolutePath(), KIND, STOP_GRACE);
    }

    @Override
    public Flavour flavour() {
        return Flavour.MYSQL;
    }

    @Override
    protected String kind() {
        return KIND;
    }

    @Override
    public Path errorLog() {
        return dir.resolve("mysqld.err");
    }

    @Override
    protected Initialisation initialisation() {
        Path log = dir.resolve("initialize.log");
        List<String> command = new ArrayList<>(installation.mysqldCommand());
        command.addAll(List.of("--initialize-insecure", "--datadir=" + dataDir, "--user=" + osUser(),
                "--tmpdir=" + tmpDir(dir), "--log-error=" + log));
        return new Initialisation("mysqld --initialize-insecure", command, dir.resolve("initialize.out"), log,
                Duration.ofSeconds(180));
    }

    @Override
    protected List<String> serverCommand() {
        return serverCommand(installation.mysqldCommand(), options, dir, socket, port, writeInitFile());
    }

    /** The full mysqld command line; extra arguments come last so they override the defaults. */
    static List<String> serverCommand(List<String> mysqld, ServerOptions options, Path dir, Path socket, int port,
            Path initFile) {
        List<String> own = new ArrayList<>(List.of(
                "--init-file=" + initFile,
                "--mysqlx=OFF",
                "--secure-file-priv="));
        if (options.binlog()) {
            own.addAll(List.of("--log-bin=binlog", "--binlog-row-image=FULL", "--gtid-mode=ON",
                    "--enforce-gtid-consistency=ON"));
        } else {
            own.add("--skip-log-bin");
        }
        own.addAll(List.of("--innodb-redo-log-capacity=64M", "--performance-schema=OFF"));
        return commandLine(mysqld, options, dir, socket, port, dir.resolve("mysqld.pid"), dir.resolve("mysqld.err"), own);
    }

    /**
     * Statements mysqld runs at every start before it accepts connections: root over 127.0.0.1 (the data directory
     * only has root@localhost, which a TCP login with --skip-name-resolve never matches) and the connectors' account.
     */
    private Path writeInitFile() {
        Path file = dir.resolve("init.sql");
        String sql = String.join("\n",
                "SET SESSION sql_log_bin = 0;",
                "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';",
                "GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;",
                migrateAccount().get(0) + ";",
                migrateAccount().get(1) + ";",
                "");
        try {
            Files.writeString(file, sql);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return file;
    }

    @Override
    protected void setUpAccounts() {
        // made by the init file before the server accepted the first connection
    }
}
