package io.mysqlmigrate.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
 * What a private MariaDB and a private MySQL instance share: a directory of their own ({@code baseDir/name}: data,
 * tmp, logs, pid record), a port on the loopback address, the same two accounts (root with an empty password for
 * tests, {@code migrate}/{@code migrate} with all privileges for connectors), start, readiness and statements.
 * Subclasses say how a data directory is made, the server's command line and how its accounts are set up.
 */
public abstract class LocalDatabaseServer extends ManagedServer implements DatabaseServer {
    public static final String HOST = "127.0.0.1";
    public static final String USER = "migrate";
    public static final String PASSWORD = "migrate";

    private static final Logger LOG = LoggerFactory.getLogger(LocalDatabaseServer.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_SOCKET_PATH = 100;

    protected final ServerOptions options;
    protected final Path dataDir;
    protected final Path socket;
    protected final int port;

    protected LocalDatabaseServer(ServerOptions options, Path dir, int port) {
        super(dir, options.name());
        this.options = options;
        this.dataDir = dir.resolve("data");
        this.socket = socketPath(dir, port);
        this.port = port;
    }

    /** The instance's directory, refusing one whose recorded process still runs. */
    protected static Path instanceDir(ServerOptions options, String kind) {
        Objects.requireNonNull(options.baseDir(), "ServerOptions.baseDir is required");
        Path dir = options.baseDir().toAbsolutePath().resolve(options.name());
        InstanceRecord.requireNotRunning(dir, kind);
        return dir;
    }

    /** The kind written into the instance record ({@code mariadb}, {@code mysql}). */
    protected abstract String kind();

    /** How a new data directory is made: the program and where its output and its log go. */
    protected abstract Initialisation initialisation();

    /** The full command line that runs the server. */
    protected abstract List<String> serverCommand();

    /** Creates the {@value #USER} account (and whatever else tests need) once the server answers as root. */
    protected abstract void setUpAccounts();

    public abstract Path errorLog();

    @Override
    public String name() {
        return options.name();
    }

    @Override
    public String host() {
        return HOST;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public int serverId() {
        return options.serverId();
    }

    @Override
    public String user() {
        return USER;
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    @Override
    public String jdbcUrl() {
        return jdbcUrl(null);
    }

    @Override
    public String jdbcUrl(String databaseOrNull) {
        return DatabaseServer.loopbackJdbcUrl(HOST, port, databaseOrNull);
    }

    @Override
    public Connection connect() throws SQLException {
        return connect(null);
    }

    @Override
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "root", "");
    }

    @Override
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

    /** The instance directory ({@code ServerOptions.baseDir/name}): data, logs, pid and instance.properties. */
    public Path baseDir() {
        return dir;
    }

    /** Same as {@link #baseDir()}. */
    public Path instanceDir() {
        return dir;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + options.name() + " on " + HOST + ":" + port + ", " + dir + "]";
    }

    /** Makes the directories, makes the data directory when new, then launches the server and waits for it. */
    protected final void startNew() {
        try {
            Files.createDirectories(dataDir.getParent());
            Files.createDirectories(tmpDir(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
        initialiseIfNew();
        launchAndAwait();
    }

    /**
     * How a flavour makes a new data directory.
     *
     * @param what    the program's name in the failure message
     * @param command its command line
     * @param output  where its console output goes
     * @param log     the file whose tail explains a failure
     */
    protected record Initialisation(String what, List<String> command, Path output, Path log, Duration timeout) {
    }

    /** Makes the data directory when it is new; a no-op for an existing one. */
    private void initialiseIfNew() {
        if (Files.isDirectory(dataDir.resolve("mysql"))) {
            return;
        }
        Initialisation init = initialisation();
        int exit = ProcessSupport.run(init.command(), dir, init.output(), init.timeout());
        if (exit != 0) {
            throw new StackException(init.what() + " for " + options.name() + " exited with " + exit + ":\n"
                    + ProcessSupport.tail(init.log(), 30));
        }
    }

    /**
     * The server's command line as both flavours build it: {@code program}, the instance's own places (data, tmp,
     * port, socket, pid file, error log), then the flavour's {@code own} options, the sizes both share, and last the
     * caller's extra arguments, so those override every default.
     */
    static List<String> commandLine(List<String> program, ServerOptions options, Path dir, Path socket, int port,
            Path pidFile, Path errorLog, List<String> own) {
        List<String> command = new ArrayList<>(program);
        command.addAll(List.of(
                "--datadir=" + dir.resolve("data"),
                "--tmpdir=" + tmpDir(dir),
                "--port=" + port,
                "--bind-address=" + HOST,
                "--socket=" + socket,
                "--pid-file=" + pidFile,
                "--user=" + osUser(),
                "--server-id=" + options.serverId(),
                "--log-error=" + errorLog,
                "--skip-name-resolve"));
        command.addAll(own);
        command.addAll(List.of(
                "--innodb-buffer-pool-size=128M",
                "--innodb-flush-log-at-trx-commit=2",
                "--sync-binlog=0",
                "--max-allowed-packet=64M",
                "--max-connections=300"));
        command.addAll(options.extraArgs());
        return command;
    }

    /** The statements that make the connectors' account {@value #USER} with every privilege from any host. */
    static List<String> migrateAccount() {
        return List.of("CREATE USER IF NOT EXISTS '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "'",
                "GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'%' WITH GRANT OPTION");
    }

    @Override
    protected final synchronized void launchAndAwait() {
        try {
            Files.createDirectories(tmpDir(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + tmpDir(dir), e);
        }
        String what = flavour().displayName() + " " + options.name();
        if (!PortAllocator.isFree(port)) {
            throw new StackException("Port " + port + " for " + what + " is already in use");
        }
        long started = System.nanoTime();
        Process child = ProcessSupport.launch(serverCommand(), dir, dir.resolve(kind() + ".out"), options.detached());
        attach(new ChildProcess(what, child, STOP_GRACE, options.withShutdownHook(), options.detached()));
        try {
            awaitReady(child, what);
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
        InstanceRecord.write(dir, kind(), child.toHandle(), details);
        LOG.info("{} ready on {}:{} (pid {}) in {} ms", what, HOST, port, child.pid(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The instance's own temporary directory: servers clean '#sql*' files in theirs at start. */
    static Path tmpDir(Path dir) {
        return dir.resolve("tmp");
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

    static String osUser() {
        return System.getProperty("user.name", "root");
    }

    private void awaitReady(Process child, String what) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Properties properties = new Properties();
        properties.setProperty("user", "root");
        properties.setProperty("password", "");
        properties.setProperty("connectTimeout", "2000");
        SQLException last = null;
        while (System.nanoTime() - deadline < 0) {
            if (!child.isAlive()) {
                throw new StackException(what + " exited with " + child.exitValue() + " during start; last lines of "
                        + errorLog() + ":\n" + ProcessSupport.tail(errorLog(), 30));
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
        throw new StackException(what + " did not accept connections on port " + port + " within "
                + READY_TIMEOUT.toSeconds() + " s (" + (last == null ? "" : last.getMessage()) + "); last lines of "
                + errorLog() + ":\n" + ProcessSupport.tail(errorLog(), 30), last);
    }
}
