package io.mysqlmigrate.bench;

import io.mysqlmigrate.stack.ConnectWorker;
import io.mysqlmigrate.stack.KafkaBroker;
import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.ServerOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The benchmarks' private servers under one run directory: source (binary log on) and destination MariaDB, a
 * MariaDB replica of the source when asked for, one KRaft broker and one Connect worker loading
 * {@code bench/target/plugins}. Stopped once, by whoever calls {@link #close} first (the shutdown hook included);
 * data and logs stay in the run directory.
 */
final class BenchStack implements AutoCloseable {

    private final Path root;
    private final Path runDir;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private MariaDbServer source;
    private MariaDbServer destination;
    private MariaDbServer replica;
    private KafkaBroker broker;
    private ConnectWorker worker;

    BenchStack(Path root, Path runDir) {
        this.root = root;
        this.runDir = runDir;
    }

    BenchStack start(boolean withReplica) {
        long t0 = System.nanoTime();
        System.out.print("Starting the private stack (source and destination MariaDB" + (withReplica ? ", a replica of the source" : "")
                + ", one broker, one worker) ... ");
        System.out.flush();
        // SELECT ... INTO OUTFILE and LOAD DATA INFILE may use the run directory (with --no-defaults it is NULL: none)
        String fileArgs = "--secure-file-priv=" + runDir.toAbsolutePath();
        CompletableFuture<MariaDbServer> s = CompletableFuture.supplyAsync(() -> track(MariaDbServer.start(
                new ServerOptions().name("source").baseDir(runDir).serverId(1).binlog(true)
                        .extraArgs(sized(fileArgs)).shutdownHook(false))));
        CompletableFuture<MariaDbServer> d = CompletableFuture.supplyAsync(() -> track(MariaDbServer.start(
                new ServerOptions().name("destination").baseDir(runDir).serverId(2).extraArgs(sized(fileArgs))
                        .shutdownHook(false))));
        CompletableFuture<MariaDbServer> r = !withReplica ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> track(MariaDbServer.start(new ServerOptions().name("replica")
                        .baseDir(runDir).serverId(3).extraArgs(sized("--relay-log=relay-bin", "--slave-parallel-threads=0",
                                "--log-slave-updates=ON")).shutdownHook(false))));
        CompletableFuture<KafkaBroker> b = CompletableFuture.supplyAsync(() -> track(KafkaBroker.start(
                new KafkaBroker.Options().baseDir(runDir.resolve("kafka")).shutdownHook(false))));
        CompletableFuture<ConnectWorker> w = b.thenApplyAsync(k -> track(ConnectWorker.start(
                new ConnectWorker.Options().baseDir(runDir.resolve("connect")).bootstrapServers(k.bootstrapServers())
                        .pluginPath(root.resolve("bench/target/plugins")).shutdownHook(false))));
        CompletableFuture.allOf(s, d, r, w).join();
        source = s.join();
        destination = d.join();
        replica = r.join();
        broker = b.join();
        worker = w.join();
        System.out.printf(Locale.US, "up in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        return this;
    }

    /**
     * The InnoDB sizes of the bench's servers, after their own arguments. The test stack's servers get a 128 MB buffer
     * pool and a 64 MB redo log (many run at once during a test run); a 1,000,000-row sbtest1 (about 250 MB) outgrows
     * both, and every contender writing into the destination then paid for page evictions and checkpoint flushing
     * that a destination sized for its data does not have. Set MYSQLMIGRATE_BENCH_SMALL_INNODB=1 to keep the small
     * sizes.
     */
    static List<String> sized(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (System.getenv("MYSQLMIGRATE_BENCH_SMALL_INNODB") == null) {
            all.addAll(List.of("--innodb-buffer-pool-size=1G", "--innodb-log-file-size=512M"));
        }
        return all;
    }

    MariaDbServer source() {
        return source;
    }

    MariaDbServer destination() {
        return destination;
    }

    /** The replica of the source (null unless started with one). */
    MariaDbServer replica() {
        return replica;
    }

    KafkaBroker broker() {
        return broker;
    }

    ConnectWorker worker() {
        return worker;
    }

    /** The machine's 1, 5 and 15 minute load averages, printed beside results since other load moves them. */
    static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private synchronized <T extends AutoCloseable> T track(T server) {
        started.add(server);
        return server;
    }

    /** Stops the worker first (it needs the broker to stop cleanly), then the rest; once, whoever calls. */
    @Override
    public void close() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        List<AutoCloseable> servers;
        synchronized (this) {
            servers = new ArrayList<>(started);
        }
        servers.sort(Comparator.comparingInt(x -> x instanceof ConnectWorker ? 0 : x instanceof KafkaBroker ? 1 : 2));
        for (AutoCloseable x : servers) {
            try {
                x.close();
            } catch (Exception e) {
                System.err.println("stopping " + x + ": " + e.getMessage());
            }
        }
        if (!servers.isEmpty()) {
            System.out.println("Stack stopped (" + servers.size() + " servers); data and logs stay in " + root.relativize(runDir));
        }
    }
}
