package io.mysqlmigrate.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private MariaDB instance: its own data directory, port and socket, run as a child process of this JVM.
 * Root has an empty password (local connections only); the account {@code migrate}/{@code migrate} has all
 * privileges from any host and is the one meant for the connectors.
 */
public final class MariaDbServer extends ManagedServer {
    public static final String HOST = "127.0.0.1";
    public static final String USER = "migrate";
    public static final String PASSWORD = "migrate";
    static final String KIND = "mariadb";

    private static final Logger LOG = LoggerFactory.getLogger(MariaDbServer.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_SOCKET_PATH = 100;

    /** Settings of one instance; a small fluent builder ({@code new Options()} or {@code Options.builder()}). */
    public static final class Options {
        private String name = "mariadb";
        private Path baseDir;
        private int port;
        private int serverId = 1;
        private boolean binlog = true;
        private final List<String> extraArgs = new ArrayList<>();
        private boolean detached;
        private Boolean shutdownHook;

        public static Options builder() {
            return new Options();
        }

        /** Returns this: Options is its own builder. */
        public Options build() {
            return this;
        }

        /** Name of the instance: its directory under {@link #baseDir(Path)} and the name in log lines. */
        public Options name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The instance lives in {@code baseDir/name}. */
        public Options baseDir(Path baseDir) {
            this.baseDir = baseDir;
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Options port(int port) {
            this.port = port;
            return this;
        }

        public Options serverId(int serverId) {
            this.serverId = serverId;
            return this;
        }

        /** Row-based binary log with full row images (default true). */
        public Options binlog(boolean binlog) {
            this.binlog = binlog;
            return this;
        }

        /** mariadbd options appended last, so they override the defaults (e.g. --binlog-format=STATEMENT). */
        public Options extraArgs(List<String> extraArgs) {
            this.extraArgs.clear();
            this.extraArgs.addAll(extraArgs);
            return this;
        }

        public Options extraArgs(String... extraArgs) {
            return extraArgs(List.of(extraArgs));
        }

        /** When true the server outlives this JVM: no shutdown hook, own session. Stop it with stopFromDirectory. */
        public Options detached(boolean detached) {
            this.detached = detached;
            return this;
        }

        /** Whether a JVM shutdown hook stops the server; default: when not detached. */
        public Options shutdownHook(boolean shutdownHook) {
            this.shutdownHook = shutdownHook;
            return this;
        }

        public String name() {
            return name;
        }

        public Path baseDir() {
            return baseDir;
        }

        public int port() {
            return port;
        }

        public int serverId() {
            return serverId;
        }

        public boolean binlog() {
            return binlog;
        }

        public List<String> extraArgs() {
            return List.copyOf(extraArgs);
        }

        public boolean detached() {
            return detached;
        }

        boolean withShutdownHook() {
            return shutdownHook != null ? shutdownHook : !detached;
        }
    }

    private final Options options;
    private final Path dataDir;
    private final Path socket;
    private final int port;

    private MariaDbServer(Options options, Path dir, Path socket, int port) {
        super(dir, "MariaDB " + options.name());
        this.options = options;
        this.dataDir = dir.resolve("data");
        this.socket = socket;
        this.port = port;
    }

    /** Initialises the data directory when it is new, starts the server and waits until it accepts logins. */
    public static MariaDbServer start(Options options) {
        Objects.requireNonNull(options.baseDir(), "Options.baseDir is required");
        Path dir = options.baseDir().toAbsolutePath().resolve(options.name());
        InstanceRecord.requireNotRunning(dir, KIND);
        int port = PortAllocator.portOrFree(options.port());
        MariaDbServer server = new MariaDbServer(options, dir, socketPath(dir, port), port);
        server.initialiseIfNew();
        server.launchAndAwait();
        return server;
    }

    /** Stops the (detached) instance whose directory is {@code dir}: SIGTERM, 20 s, SIGKILL. */
    public static void stopFromDirectory(Path dir) {
        InstanceRecord.stop(dir.toAbsolutePath(), KIND, STOP_GRACE);
    }

    public String name() {
        return options.name();
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public int serverId() {
        return options.serverId();
    }

    /** The account for connectors and tests: {@value #USER}. */
    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public String jdbcUrl() {
        return jdbcUrl(null);
    }

    /** A MySQL Connector/J URL for this server; no database part when {@code databaseOrNull} is null. */
    public String jdbcUrl(String databaseOrNull) {
        return jdbcUrl(port, databaseOrNull);
    }

    static String jdbcUrl(int port, String databaseOrNull) {
        return "jdbc:mysql://" + HOST + ":" + port + "/" + (databaseOrNull == null ? "" : databaseOrNull)
                + "?useSSL=false&allowPublicKeyRetrieval=true&characterEncoding=utf8"
                + "&connectionCollation=utf8mb4_general_ci&serverTimezone=UTC";
    }

    /** A new connection as root (no database selected). The caller closes it. */
    public Connection connect() throws SQLException {
        return connect(null);
    }

    /** A new connection as root to {@code database} (null: none). The caller closes it. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "root", "");
    }

    /** Runs each statement in turn as root; a failure throws a StackException naming the statement. */
    public void execute(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new StackException("Statement failed on " + options.name() + ": " + sql + ": "
                            + e.getMessage(), e);
                }
            }
        } catch (SQLException e) {
            throw new StackException("Cannot connect to " + options.name() + " at " + jdbcUrl() + ": "
                    + e.getMessage(), e);
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The instance directory ({@code Options.baseDir/name}): data, logs, pid and instance.properties. */
    public Path baseDir() {
        return dir;
    }

    /** Same as {@link #baseDir()}. */
    public Path instanceDir() {
        return dir;
    }

    public Path errorLog() {
        return dir.resolve("mariadb.err");
    }

    public Path socket() {
        return socket;
    }


    @Override
    public String toString() {
        return "MariaDbServer[" + options.name() + " on " + HOST + ":" + port + ", " + dir + "]";
    }

    private void initialiseIfNew() {
        if (Files.isDirectory(dataDir.resolve("mysql"))) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(tmpDir(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dataDir, e);
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
    protected synchronized void launchAndAwait() {
        try {
            Files.createDirectories(tmpDir(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + tmpDir(dir), e);
        }
        if (!PortAllocator.isFree(port)) {
            throw new StackException("Port " + port + " for MariaDB " + options.name() + " is already in use");
        }
        long started = System.nanoTime();
        List<String> command = serverCommand(ProcessSupport.findBinary("mariadbd", "mysqld"), options, dir,
                socket, port);
        Process child = ProcessSupport.launch(command, dir, dir.resolve("mariadbd.out"),
                options.detached());
        attach(new ChildProcess("MariaDB " + options.name(), child, STOP_GRACE, options.withShutdownHook(),
                options.detached()));
        try {
            awaitReady(child);
            setUpAccounts();
        } catch (RuntimeException e) {
            kill();
            throw e;
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("name", options.name());
        details.put("port", Integer.toString(port));
        details.put("datadir", dataDir.toString());
        details.put("socket", socket.toString());
        details.put("server.id", Integer.toString(options.serverId()));
        InstanceRecord.write(dir, KIND, child.toHandle(), details);
        LOG.info("MariaDB {} ready on {}:{} (pid {}) in {} ms", options.name(), HOST, port, child.pid(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The instance's own temporary directory (see {@link #initialiseIfNew}). */
    static Path tmpDir(Path dir) {
        return dir.resolve("tmp");
    }

    /** The full mariadbd command line; extra arguments come last so they override the defaults. */
    static List<String> serverCommand(Path binary, Options options, Path dir, Path socket, int port) {
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

    /** The socket goes into the instance directory unless that path is too long for a Unix socket. */
    static Path socketPath(Path dir, int port) {
        Path inDir = dir.resolve("mysqld.sock");
        if (inDir.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH) {
            return inDir;
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "mysqlmigrate-" + ProcessHandle.current().pid() + "-"
                + port + ".sock");
    }

    private void awaitReady(Process child) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Properties properties = new Properties();
        properties.setProperty("user", "root");
        properties.setProperty("password", "");
        properties.setProperty("connectTimeout", "2000");
        SQLException last = null;
        while (System.nanoTime() - deadline < 0) {
            if (!child.isAlive()) {
                throw new StackException("MariaDB " + options.name() + " exited with " + child.exitValue()
                        + " during start; last lines of " + errorLog() + ":\n" + ProcessSupport.tail(errorLog(), 30));
            }
            try (Connection connection = DriverManager.getConnection(jdbcUrl(), properties)) {
                if (connection.isValid(2)) {
                    return;
                }
            } catch (SQLException e) {
                last = e;
            }
            ProcessSupport.sleep(100);
        }
        throw new StackException("MariaDB " + options.name() + " did not accept connections on port " + port
                + " within " + READY_TIMEOUT.toSeconds() + " s (" + (last == null ? "" : last.getMessage())
                + "); last lines of " + errorLog() + ":\n" + ProcessSupport.tail(errorLog(), 30), last);
    }

    /** Drops the anonymous accounts (they shadow user@'%' over 127.0.0.1) and creates the migrate account. */
    private void setUpAccounts() {
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

    private static String osUser() {
        return System.getProperty("user.name", "root");
    }
}
