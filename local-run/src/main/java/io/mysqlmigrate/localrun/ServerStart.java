package io.mysqlmigrate.localrun;

import io.mysqlmigrate.localrun.StateDirectory.Server;
import io.mysqlmigrate.stack.ConnectWorker;
import io.mysqlmigrate.stack.KafkaBroker;
import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.ProcessSupport;
import io.mysqlmigrate.stack.ServerOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The servers of a run started detached under the state directory, in parallel where they can be (the worker waits for
 * the broker), each with its line once ready. When one does not start, those that did are stopped again and the
 * message shows its console output. The servers' addresses are added to the run's record.
 */
final class ServerStart {
    private final LocalRun.Context ctx;
    private final Terminal term;
    private final RunPlan plan;
    private final StateDirectory state;
    private final Interruption interruption;

    ServerStart(LocalRun.Context ctx, RunPlan plan, StateDirectory state, Interruption interruption) {
        this.ctx = ctx;
        this.term = ctx.term();
        this.plan = plan;
        this.state = state;
        this.interruption = interruption;
    }

    RunningStack start() {
        term.println();
        term.println("Starting the servers (detached: they keep running after this command)");
        long started = System.nanoTime();
        interruption.starting(true);
        ExecutorService pool = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "local-run start");
            t.setDaemon(true);
            return t;
        });
        List<AutoCloseable> startedServers = new ArrayList<>();
        RunningStack stack;
        try {
            CompletableFuture<MariaDbServer> sourceFuture = plan.demoSource()
                    ? timed(pool, Server.SOURCE, () -> MariaDbServer.start(new ServerOptions().name("source")
                            .baseDir(state.root()).serverId(1).binlog(true).detached(true)),
                            s -> s.host() + ":" + s.port(), s -> "server id 1, binary log ROW/FULL", startedServers)
                    : CompletableFuture.completedFuture(null);
            CompletableFuture<MariaDbServer> destinationFuture = plan.privateDestination()
                    ? timed(pool, Server.DESTINATION, () -> MariaDbServer.start(new ServerOptions()
                            .name("destination").baseDir(state.root()).serverId(2).detached(true)),
                            s -> s.host() + ":" + s.port(), s -> "server id 2", startedServers)
                    : CompletableFuture.completedFuture(null);
            CompletableFuture<KafkaBroker> brokerFuture = timed(pool, Server.BROKER,
                    () -> KafkaBroker.start(new KafkaBroker.Options().baseDir(state.dir(Server.BROKER)).detached(true)),
                    KafkaBroker::bootstrapServers, b -> "KRaft, broker and controller in one process", startedServers);
            CompletableFuture<ConnectWorker> workerFuture = brokerFuture.thenCompose(b -> timed(pool, Server.WORKER,
                    () -> ConnectWorker.start(new ConnectWorker.Options().baseDir(state.dir(Server.WORKER))
                            .bootstrapServers(b.bootstrapServers()).pluginPath(ctx.pluginDir()).detached(true)),
                    ConnectWorker::restUrl, w -> "plugin.path " + ctx.display(ctx.pluginDir()), startedServers));
            CompletableFuture.allOf(sourceFuture, destinationFuture, workerFuture).handle((v, e) -> null).join();
            List<Throwable> failures = Stream.of(sourceFuture, destinationFuture, brokerFuture, workerFuture)
                    .filter(CompletableFuture::isCompletedExceptionally)
                    .map(ServerStart::failureOf).distinct().toList();
            if (!failures.isEmpty()) {
                stopQuietly(startedServers);
                Throwable first = failures.get(0);
                StringBuilder message = new StringBuilder();
                if (first instanceof StartFailure failure) {
                    Server server = failure.server;
                    message.append("The ").append(server.title).append(" did not start: ").append(first.getMessage().strip());
                    Path output = state.dir(server).resolve(switch (server) {
                        case SOURCE, DESTINATION -> "mariadbd.out";
                        case BROKER -> "broker.out";
                        case WORKER -> "connect.out";
                    });
                    String tail = ProcessSupport.tail(output, 15).strip();
                    if (!tail.isEmpty()) {
                        message.append("\n  Its console output (").append(ctx.display(output)).append("):\n")
                                .append(tail.replaceAll("(?m)^", "    "));
                    }
                    message.append("\n  Its logs: ").append(ctx.display(state.serverLog(server))).append(", ")
                            .append(ctx.display(output)).append('.');
                    first = first.getCause();
                } else {
                    message.append("The servers did not start: ").append(first.getMessage());
                }
                message.append("\n  The servers that had started were stopped again; logs stay in ")
                        .append(ctx.display(state.root())).append(" until the next start.");
                throw new LocalRunException(message.toString(), first);
            }
            MariaDbServer sourceServer = sourceFuture.join();
            MariaDbServer destinationServer = destinationFuture.join();
            KafkaBroker broker = brokerFuture.join();
            ConnectWorker worker = workerFuture.join();
            Endpoint source = sourceServer != null ? new Endpoint("source", sourceServer.host(), sourceServer.port(),
                    sourceServer.user(), sourceServer.password(), true) : plan.source();
            Endpoint destination = destinationServer != null ? new Endpoint("destination", destinationServer.host(),
                    destinationServer.port(), destinationServer.user(), destinationServer.password(), true)
                    : plan.destination();
            stack = new RunningStack(source, destination, broker, worker);
            Map<String, String> record = new LinkedHashMap<>();
            record.put("source.address", source.address());
            record.put("source.user", source.user());
            record.put("destination.address", destination.address());
            record.put("destination.user", destination.user());
            record.put("bootstrap.servers", broker.bootstrapServers());
            record.put("rest.url", worker.restUrl());
            record.put("jmx.url", worker.jmxUrl());
            state.updateRecord(record);
            interruption.stackUp();
        } finally {
            interruption.starting(false);
            pool.shutdownNow();
        }
        term.println("  all up in " + Format.secondsSince(started));
        return stack;
    }

    /** A server that did not start, with the cause. */
    private static final class StartFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final Server server;

        StartFailure(Server server, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.server = server;
        }
    }

    private <T> CompletableFuture<T> timed(ExecutorService pool, Server which, Supplier<T> start,
            Function<T, String> address, Function<T, String> note,
            List<AutoCloseable> startedServers) {
        String title = which.title;
        return CompletableFuture.supplyAsync(() -> {
            long t0 = System.nanoTime();
            T server;
            try {
                server = start.get();
            } catch (RuntimeException e) {
                throw new StartFailure(which, e);
            }
            synchronized (startedServers) {
                startedServers.add((AutoCloseable) server);
            }
            term.println("  " + Format.fit(title, 20) + " " + Format.fit(address.apply(server), 22) + " ready in "
                    + Format.fit(Format.secondsSince(t0), 7) + " " + note.apply(server));
            return server;
        }, pool);
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        try {
            future.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause() != null ? e.getCause() : e;
        }
    }

    private static void stopQuietly(List<AutoCloseable> servers) {
        List<AutoCloseable> copy;
        synchronized (servers) {
            copy = new ArrayList<>(servers);
        }
        // the worker first: it needs the broker to stop cleanly
        copy.sort((a, b) -> Boolean.compare(!(a instanceof ConnectWorker), !(b instanceof ConnectWorker)));
        for (AutoCloseable server : copy) {
            try {
                server.close();
            } catch (Exception ignored) {
                // it is going away anyway
            }
        }
    }
}
