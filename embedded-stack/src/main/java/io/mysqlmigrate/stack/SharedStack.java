package io.mysqlmigrate.stack;

import io.mysqlmigrate.dialect.Flavour;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack shared by all integration tests of one JVM, started on first use and stopped by one shutdown hook:
 * a source MariaDB (server id 1, binlog on), a destination MariaDB (server id 2), and with {@link #get()} also a
 * Kafka broker and, when the system property {@value #PLUGIN_PATH_PROPERTY} names a plugin directory, a Connect
 * worker. {@link #databasesOnly()} starts just the two databases; a later {@link #get()} adds Kafka to them.
 * A test that needs MySQL asks {@link #server(Flavour, Role)} or {@link #pair(FlavourPair)}: the MySQL source
 * (server id 3) and destination (server id 4) start on first use, so runs that never meet MySQL never pay for it.
 */
public final class SharedStack {
    /** System property naming the worker's plugin.path; without it no worker is started. */
    public static final String PLUGIN_PATH_PROPERTY = "mysqlmigrate.plugin.path";

    private static final Logger LOG = LoggerFactory.getLogger(SharedStack.class);
    private static SharedStack instance;
    private static RuntimeException startFailure;

    private final Path baseDir;
    private final boolean deleteWhenStopped;
    private final MariaDbServer source;
    private final MariaDbServer destination;
    private volatile KafkaBroker broker;
    private volatile ConnectWorker worker;
    private volatile ConnectRestClient rest;
    private volatile boolean kafkaStarted;
    private final Map<Role, MySqlServer> mysql = new EnumMap<>(Role.class);

    /** Which side of a migration a server plays. */
    public enum Role {
        SOURCE, DESTINATION
    }

    /** The two servers of one flavour pair. */
    public record ServerPair(FlavourPair pair, DatabaseServer source, DatabaseServer destination) {
    }

    private SharedStack(Path baseDir, MariaDbServer source, MariaDbServer destination) {
        this.baseDir = baseDir;
        this.deleteWhenStopped = !baseDir.startsWith(Path.of("target").toAbsolutePath());
        this.source = source;
        this.destination = destination;
    }

    /** The full stack: both databases, the broker, and the worker when a plugin path is configured. */
    public static synchronized SharedStack get() {
        SharedStack stack = databasesOnly();
        if (!stack.kafkaStarted) {
            rethrowEarlierFailure();
            try {
                stack.startKafka();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return stack;
    }

    /** Just the source and destination databases (shared with {@link #get()}). */
    public static synchronized SharedStack databasesOnly() {
        if (instance == null) {
            rethrowEarlierFailure();
            try {
                instance = startDatabases();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return instance;
    }

    public MariaDbServer source() {
        return source;
    }

    public MariaDbServer destination() {
        return destination;
    }

    /** The shared server of this flavour and role; MySQL's start on first use (both at once). */
    public DatabaseServer server(Flavour flavour, Role role) {
        if (flavour == Flavour.MARIADB) {
            return role == Role.SOURCE ? source : destination;
        }
        return mysql(role);
    }

    /** The source and destination servers of {@code pair}. */
    public ServerPair pair(FlavourPair pair) {
        return new ServerPair(pair, server(pair.source(), Role.SOURCE), server(pair.destination(), Role.DESTINATION));
    }

    private MySqlServer mysql(Role role) {
        synchronized (mysql) {
            if (mysql.isEmpty()) {
                startMySql();
            }
            return mysql.get(role);
        }
    }

    private void startMySql() {
        LOG.info("Starting the shared MySQL servers in {} ({})", baseDir, MySqlInstallation.locate().description());
        CompletableFuture<MySqlServer> mySource = CompletableFuture.supplyAsync(() -> MySqlServer.start(
                new ServerOptions().name("mysql-source").baseDir(baseDir).serverId(3).shutdownHook(false)));
        CompletableFuture<MySqlServer> myDestination = CompletableFuture.supplyAsync(() -> MySqlServer.start(
                new ServerOptions().name("mysql-destination").baseDir(baseDir).serverId(4).shutdownHook(false)));
        try {
            mysql.put(Role.SOURCE, join(mySource));
            mysql.put(Role.DESTINATION, join(myDestination));
        } catch (RuntimeException e) {
            mysql.values().forEach(SharedStack::stopQuietly);
            join(myDestination.handle((server, error) -> {
                stopQuietly(server);
                return null;
            }));
            mysql.clear();
            throw e;
        }
    }

    public KafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("No Kafka broker in this stack: use SharedStack.get(), "
                    + "not SharedStack.databasesOnly()");
        }
        return broker;
    }

    /** True when a worker runs (the plugin path property was set). */
    public boolean hasWorker() {
        return worker != null;
    }

    public ConnectWorker worker() {
        if (worker == null) {
            throw new IllegalStateException(kafkaStarted
                    ? "No Connect worker: the system property " + PLUGIN_PATH_PROPERTY + " (the worker's plugin.path, "
                            + "a directory of unpacked plugin archives) was not set when SharedStack.get() started"
                    : "No Connect worker in this stack: use SharedStack.get(), not SharedStack.databasesOnly()");
        }
        return worker;
    }

    /** A REST client for the worker. */
    public ConnectRestClient rest() {
        worker();
        return rest;
    }

    public Path baseDir() {
        return baseDir;
    }

    private static void rethrowEarlierFailure() {
        if (startFailure != null) {
            throw new IllegalStateException("The shared stack failed to start earlier in this JVM: "
                    + startFailure.getMessage(), startFailure);
        }
    }

    private static SharedStack startDatabases() {
        Path baseDir = freshBaseDir();
        LOG.info("Starting the shared stack in {}", baseDir);
        CompletableFuture<MariaDbServer> source = CompletableFuture.supplyAsync(() -> MariaDbServer.start(
                new ServerOptions().name("source").baseDir(baseDir).serverId(1).binlog(true)
                        .shutdownHook(false)));
        CompletableFuture<MariaDbServer> destination = CompletableFuture.supplyAsync(() -> MariaDbServer.start(
                new ServerOptions().name("destination").baseDir(baseDir).serverId(2).shutdownHook(false)));
        MariaDbServer sourceServer = null;
        MariaDbServer destinationServer = null;
        try {
            sourceServer = join(source);
            destinationServer = join(destination);
        } catch (RuntimeException e) {
            stopQuietly(sourceServer);
            join(destination.handle((server, error) -> {
                stopQuietly(server);
                return null;
            }));
            throw e;
        }
        SharedStack stack = new SharedStack(baseDir, sourceServer, destinationServer);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stopAll, "stop shared stack"));
        return stack;
    }

    private synchronized void startKafka() {
        KafkaBroker newBroker = KafkaBroker.start(new KafkaBroker.Options().baseDir(baseDir.resolve("kafka"))
                .shutdownHook(false));
        broker = newBroker;
        String pluginPath = System.getProperty(PLUGIN_PATH_PROPERTY);
        if (pluginPath != null && !pluginPath.isBlank()) {
            Path plugins = Path.of(pluginPath).toAbsolutePath();
            if (!Files.isDirectory(plugins)) {
                throw new StackException(PLUGIN_PATH_PROPERTY + "=" + plugins + " is not a directory");
            }
            worker = ConnectWorker.start(new ConnectWorker.Options().baseDir(baseDir.resolve("connect"))
                    .bootstrapServers(newBroker.bootstrapServers()).pluginPath(plugins).shutdownHook(false));
            rest = worker.rest();
        } else {
            LOG.info("System property {} not set: the shared stack has no Connect worker", PLUGIN_PATH_PROPERTY);
        }
        kafkaStarted = true;
    }

    /** Worker first (it needs the broker to stop cleanly), then broker and databases in parallel. */
    private void stopAll() {
        stopQuietly(worker);
        List<Thread> threads = new ArrayList<>();
        List<AutoCloseable> servers = new ArrayList<>(java.util.Arrays.asList(broker, source, destination));
        synchronized (mysql) {
            servers.addAll(mysql.values());
        }
        for (AutoCloseable server : servers) {
            if (server != null) {
                Thread thread = new Thread(() -> stopQuietly(server), "stop " + server);
                thread.start();
                threads.add(thread);
            }
        }
        for (Thread thread : threads) {
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (deleteWhenStopped) {
            deleteQuietly(baseDir);
        }
    }

    /** Under java.io.tmpdir nobody else cleans up: the data directories alone take a few hundred MB. */
    private static void deleteQuietly(Path dir) {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort
        }
    }

    private static void stopQuietly(AutoCloseable server) {
        if (server != null) {
            try {
                server.close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed: {}", server, e.toString());
            }
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** {@code target/stack-<timestamp>-<pid>} when ./target exists, else the same name under java.io.tmpdir. */
    static Path freshBaseDir() {
        Path target = Path.of("target");
        Path parent = Files.isDirectory(target) ? target.toAbsolutePath()
                : Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        String name = "stack-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + ProcessHandle.current().pid();
        Path dir = parent.resolve(name);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }
}
