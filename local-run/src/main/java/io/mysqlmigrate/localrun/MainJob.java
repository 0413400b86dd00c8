package io.mysqlmigrate.localrun;

import io.mysqlmigrate.localrun.SinkWatch.Table;
import io.mysqlmigrate.localrun.SinkWatch.TopicProgress;
import io.mysqlmigrate.sink.retry.RetryEpisode;
import io.mysqlmigrate.localrun.StateDirectory.Server;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Precheck;
import io.mysqlmigrate.precheck.check.Status;
import io.mysqlmigrate.precheck.cli.ReportPrinter;
import io.mysqlmigrate.precheck.verify.DatabaseComparator;
import io.mysqlmigrate.precheck.verify.TableComparison;
import io.mysqlmigrate.stack.ConnectRestClient;
import io.mysqlmigrate.stack.ConnectRestException;
import io.mysqlmigrate.stack.ConnectWorker;
import io.mysqlmigrate.stack.ConnectorConfigTemplate;
import io.mysqlmigrate.stack.KafkaBroker;
import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.ServerOptions;
import io.mysqlmigrate.stack.ProcessSupport;
import io.mysqlmigrate.stack.StackException;
import io.mysqlmigrate.stack.demo.DemoDatabase;
import io.mysqlmigrate.stack.demo.LiveWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The main job ({@code ./local-run.sh} / {@code start}): the embedded default started detached under the state
 * directory, demo data, both connectors registered through the REST API, full-load progress, live changes with
 * their arrival times, and a final comparison of source and destination.
 */
final class MainJob {
    private static final Duration RUNNING_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(60);
    private static final int DEMO_CUSTOMERS = 2_000;
    private static final int DEMO_ORDERS = 5_000;
    private static final int LIVE_TRANSACTIONS_PER_SECOND = 20;
    private static final int DELAY_SECONDS_EXISTING = 5;

    private final LocalRun.Context ctx;
    private final Terminal term;
    private final RunPlan plan;
    private final StateDirectory state;

    private volatile boolean stackStarting;
    private volatile boolean stackUp;
    private volatile boolean finished;
    private Endpoint source;
    private Endpoint destination;
    private KafkaBroker broker;
    private ConnectWorker worker;
    private ConnectRestClient rest;
    private Connectors connectors;
    private WorkerWatch workerWatch;
    private List<Table> tables = List.of();
    private final Map<Table, Long> sourceCounts = new LinkedHashMap<>();

    MainJob(LocalRun.Context ctx, RunPlan plan, StateDirectory state) {
        this.ctx = ctx;
        this.term = ctx.term();
        this.plan = plan;
        this.state = state;
    }

    /** Runs the whole job; 0 when source and destination end identical. */
    int run() throws Exception {
        term.println("mysql-migrate local run; state and logs in " + display(state.root()));
        checkPrerequisites();
        refuseWhileRunning();
        if (!plan.demoSource() || !plan.privateDestination()) {
            try {
                checkExistingServers();
            } catch (SQLException e) {
                throw queryFailed(e);
            }
        }
        prepareStateDirectory();
        Thread hook = new Thread(this::interrupted, "local-run interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            try {
                return runSteps();
            } catch (SQLException e) {
                throw queryFailed(e);
            }
        } catch (LocalRunException | StackException e) {
            if (stackUp) {
                term.error(term.bad() + " " + e.getMessage());
                term.error("  The servers keep running so you can look around: ./local-run.sh status; stop them with "
                        + "./local-run.sh stop.");
                throw new AlreadyReported(e);
            }
            throw e;
        } finally {
            finished = true;
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    private LocalRunException queryFailed(SQLException e) {
        return new LocalRunException("A query failed: " + e.getMessage() + " (SQL state " + e.getSQLState() + ", error "
                + e.getErrorCode() + ").\n  Fix: ./local-run.sh status shows which server is down; the logs of the "
                + "servers local-run started are in " + display(state.root()) + ".", e);
    }

    /** A failure already printed with its hint; LocalRun only sets the exit code. */
    static final class AlreadyReported extends LocalRunException {
        private static final long serialVersionUID = 1L;

        AlreadyReported(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    private int runSteps() throws Exception {
        startServers();
        if (plan.demoSource()) {
            createDemoData();
        }
        countSource();
        precheck();
        registerConnectors();
        try (SinkWatch watch = new SinkWatch(destination, plan.sinkConnector(), plan.topics(),
                broker.bootstrapServers())) {
            fullLoad(watch);
            incremental(watch);
            boolean identical = verify();
            lookAround(watch);
            return identical ? 0 : 1;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Before anything starts

    private void checkPrerequisites() {
        for (String file : List.of("source.json", "sink.json")) {
            if (!Files.isRegularFile(ctx.configDir().resolve(file))) {
                throw new LocalRunException("Connector configuration " + ctx.configDir().resolve(file) + " not found."
                        + "\n  Fix: run ./local-run.sh from the project checkout (it passes the project root).");
            }
        }
        Path plugins = ctx.pluginDir();
        for (String plugin : List.of("source-connector", "sink-connector")) {
            boolean present;
            try (Stream<Path> dirs = Files.isDirectory(plugins) ? Files.list(plugins) : Stream.empty()) {
                present = dirs.anyMatch(d -> Files.isDirectory(d) && d.getFileName().toString().contains(plugin));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!present) {
                throw new LocalRunException("The " + plugin + " plugin is not unpacked in " + plugins + ".\n  Fix: "
                        + "build it: mvn -B -q -DskipTests -pl local-run -am package (./local-run.sh does this).");
            }
        }
        if (plan.needsPrivateMariaDb()) {
            try {
                ProcessSupport.findBinary("mariadbd", "mysqld");
                ProcessSupport.findBinary("mariadb-install-db", "mysql_install_db");
            } catch (StackException e) {
                throw new LocalRunException("MariaDB server programs (mariadbd, mariadb-install-db) not found; the "
                        + "private " + (plan.demoSource() ? "source" : "destination") + " needs them.\n  Fix: "
                        + "sudo apt-get install -y mariadb-server (local-run starts its own instances; the system "
                        + "service is not used).");
            }
        }
    }

    private void refuseWhileRunning() {
        List<String> running = new ArrayList<>();
        for (Server server : Server.values()) {
            for (ProcessHandle p : state.liveProcesses(server)) {
                running.add(server.title + " (pid " + p.pid() + ")");
            }
        }
        if (!running.isEmpty()) {
            throw new LocalRunException("A previous run is still running in " + display(state.root()) + ": "
                    + String.join(", ", running) + ".\n  Fix: run ./local-run.sh stop first (./local-run.sh status "
                    + "shows it).");
        }
        if (!state.isOursOrEmpty()) {
            throw new LocalRunException(state.root() + " exists but was not made by local-run (it has no "
                    + StateDirectory.RECORD + "); it is left alone.\n  Fix: remove it yourself, or choose another "
                    + "--state-dir.");
        }
    }

    private void prepareStateDirectory() {
        boolean existed = state.exists();
        if (existed) {
            announceClearing();
        }
        state.clear();
        state.create();
        Map<String, String> record = new LinkedHashMap<>();
        record.put("started.at", Instant.now().toString());
        record.put("name", RunPlan.NAME);
        record.put("databases", String.join(",", plan.databases()));
        record.put("topics", String.join(",", plan.topics()));
        record.put("connector.source", plan.sourceConnector());
        record.put("connector.sink", plan.sinkConnector());
        record.put("source.private", Boolean.toString(plan.demoSource()));
        record.put("destination.private", Boolean.toString(plan.privateDestination()));
        if (plan.source() != null) {
            record.put("source.address", plan.source().address());
            record.put("source.user", plan.source().user());
        }
        if (plan.destination() != null) {
            record.put("destination.address", plan.destination().address());
            record.put("destination.user", plan.destination().user());
        }
        state.writeRecord(record);
        LocalRun.useLogFile(state.log());
    }

    /** Said before anything is removed: a new start begins from nothing. */
    private void announceClearing() {
        String started = state.readRecord().get("started.at");
        if (started != null && started.length() >= 19) {
            started = started.substring(0, 19).replace('T', ' ') + " UTC";
        }
        term.println();
        term.println("Clearing the previous run in " + display(state.root()) + (started == null ? "" : " (started " + started + ")")
                + ": its databases, Kafka topics and logs; a new start begins from nothing");
    }

    private void checkExistingServers() throws SQLException {
        term.println();
        term.println("Existing servers");
        if (plan.source() != null) {
            Endpoint s = plan.source();
            try (Connection c = s.open()) {
                List<String> missing = new ArrayList<>();
                for (String db : plan.databases()) {
                    if (!schemaExists(c, db)) {
                        missing.add(db);
                    }
                }
                if (!missing.isEmpty()) {
                    throw new LocalRunException("The source " + s.address() + " has no database " + String.join(", ", missing)
                            + ".\n  Fix: check --databases (names are case-sensitive on most servers).");
                }
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT @@log_bin, @@binlog_format, @@binlog_row_image, VERSION()")) {
                    rs.next();
                    List<String> wrong = new ArrayList<>();
                    if (!rs.getBoolean(1)) {
                        wrong.add("the binary log is off (log_bin)");
                    }
                    if (!"ROW".equalsIgnoreCase(rs.getString(2))) {
                        wrong.add("binlog_format is " + rs.getString(2) + ", not ROW");
                    }
                    if (!"FULL".equalsIgnoreCase(rs.getString(3))) {
                        wrong.add("binlog_row_image is " + rs.getString(3) + ", not FULL");
                    }
                    if (!wrong.isEmpty()) {
                        throw new LocalRunException("The source " + s.address() + " cannot be read incrementally: "
                                + String.join("; ", wrong) + ".\n  Fix: in the server's configuration set log_bin "
                                + "(e.g. log-bin=mysql-bin), binlog_format=ROW, binlog_row_image=FULL and a server_id, "
                                + "then restart it.");
                    }
                    term.println("  source       " + s.user() + "@" + s.address() + " (" + rs.getString(4) + "), "
                            + "databases " + String.join(", ", plan.databases()));
                }
            }
            term.println("  existing source: no live changes are made (local-run only reads from it)");
        }
        if (plan.destination() != null) {
            Endpoint d = plan.destination();
            try (Connection c = d.open()) {
                List<String> present = new ArrayList<>();
                for (String db : plan.databases()) {
                    if (schemaExists(c, db)) {
                        present.add(db);
                    }
                }
                if (!present.isEmpty()) {
                    throw new LocalRunException("The destination " + d.address() + " already has database "
                            + String.join(", ", present) + "; the migration creates it and would mix with what is "
                            + "there.\n  Fix: drop it there (DROP DATABASE `" + present.get(0) + "`) or use another "
                            + "destination.");
                }
                long leftovers = 0;
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM mysql_migrate.sink_offsets "
                        + "WHERE connector = ?")) {
                    ps.setString(1, plan.sinkConnector());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        leftovers = rs.getLong(1);
                    }
                } catch (SQLException e) {
                    if (!SinkWatch.isMissingStateTable(e)) {
                        throw new LocalRunException(d.explain(e), e);
                    }
                }
                if (leftovers > 0) {
                    throw new LocalRunException("The destination " + d.address() + " holds the progress of an earlier "
                            + plan.sinkConnector() + " in mysql_migrate.sink_offsets; a new run would resume from it.\n"
                            + "  Fix: on the destination run DELETE FROM mysql_migrate.sink_offsets WHERE connector = '"
                            + plan.sinkConnector() + "'; DELETE FROM mysql_migrate.applied_ddl WHERE connector = '"
                            + plan.sinkConnector() + "';");
                }
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT VERSION()")) {
                    rs.next();
                    term.println("  destination  " + d.user() + "@" + d.address() + " (" + rs.getString(1) + ")");
                }
            }
        }
    }

    private static boolean schemaExists(Connection c, String database) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Servers

    private void startServers() {
        term.println();
        term.println("Starting the servers (detached: they keep running after this command)");
        long started = System.nanoTime();
        stackStarting = true;
        ExecutorService pool = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "local-run start");
            t.setDaemon(true);
            return t;
        });
        List<AutoCloseable> startedServers = new ArrayList<>();
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
                    ConnectWorker::restUrl, w -> "plugin.path " + display(ctx.pluginDir()), startedServers));
            CompletableFuture.allOf(sourceFuture, destinationFuture, workerFuture).handle((v, e) -> null).join();
            List<Throwable> failures = Stream.of(sourceFuture, destinationFuture, brokerFuture, workerFuture)
                    .filter(CompletableFuture::isCompletedExceptionally)
                    .map(MainJob::failureOf).distinct().toList();
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
                        message.append("\n  Its console output (").append(display(output)).append("):\n")
                                .append(tail.replaceAll("(?m)^", "    "));
                    }
                    message.append("\n  Its logs: ").append(display(state.serverLog(server))).append(", ")
                            .append(display(output)).append('.');
                    first = first.getCause();
                } else {
                    message.append("The servers did not start: ").append(first.getMessage());
                }
                message.append("\n  The servers that had started were stopped again; logs stay in ")
                        .append(display(state.root())).append(" until the next start.");
                throw new LocalRunException(message.toString(), first);
            }
            MariaDbServer sourceServer = sourceFuture.join();
            MariaDbServer destinationServer = destinationFuture.join();
            broker = brokerFuture.join();
            worker = workerFuture.join();
            rest = worker.rest();
            source = sourceServer != null ? new Endpoint("source", sourceServer.host(), sourceServer.port(),
                    sourceServer.user(), sourceServer.password(), true) : plan.source();
            destination = destinationServer != null ? new Endpoint("destination", destinationServer.host(),
                    destinationServer.port(), destinationServer.user(), destinationServer.password(), true)
                    : plan.destination();
            connectors = new Connectors(rest, List.of(plan.sourceConnector(), plan.sinkConnector()),
                    display(state.serverLog(Server.WORKER)), ctx.verbose());
            workerWatch = new WorkerWatch(startedWorker(worker), connectors::check,
                    () -> connectors.awaitRunning(RUNNING_TIMEOUT), term, display(state.serverLog(Server.WORKER)),
                    System::nanoTime);
            Map<String, String> record = new LinkedHashMap<>();
            record.put("source.address", source.address());
            record.put("source.user", source.user());
            record.put("destination.address", destination.address());
            record.put("destination.user", destination.user());
            record.put("bootstrap.servers", broker.bootstrapServers());
            record.put("rest.url", worker.restUrl());
            record.put("jmx.url", worker.jmxUrl());
            state.updateRecord(record);
            stackUp = true;
        } finally {
            stackStarting = false;
            pool.shutdownNow();
        }
        term.println("  all up in " + Format.secondsSince(started));
    }

    /** The worker this run started, as the {@link WorkerWatch} restarts it. */
    private static WorkerWatch.Worker startedWorker(ConnectWorker worker) {
        return new WorkerWatch.Worker() {
            @Override
            public boolean alive() {
                return worker.isRunning();
            }

            @Override
            public String describe() {
                return "pid " + worker.pid() + ", REST " + worker.restUrl();
            }

            @Override
            public String lastLines() {
                return ProcessSupport.tail(worker.baseDir().resolve("connect.out"), 10);
            }

            @Override
            public void restart() {
                worker.restart();
            }
        };
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
            java.util.function.Function<T, String> address, java.util.function.Function<T, String> note,
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

    /** Ctrl-C: during the start everything started so far is stopped; afterwards the servers keep running. */
    private void interrupted() {
        if (finished) {
            return;
        }
        term.endArea();
        if (stackStarting || !stackUp) {
            term.error("\nInterrupted while starting: stopping what had started…");
            StackControl.stopAll(state, null);
        } else {
            term.error("\nInterrupted. The servers keep running (the migration goes on): ./local-run.sh status "
                    + "shows it, ./local-run.sh stop stops it.");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Data and connectors

    private void createDemoData() throws SQLException {
        term.println();
        term.println("Demo data on the source");
        long started = System.nanoTime();
        try (Connection c = source.open()) {
            DemoDatabase.create(c, RunPlan.DEMO_DATABASE, DEMO_CUSTOMERS, DEMO_ORDERS);
        } catch (SQLException e) {
            throw new LocalRunException("Creating the demo database failed: " + source.explain(e), e);
        }
        term.println("  created database " + RunPlan.DEMO_DATABASE + " in " + Format.secondsSince(started));
    }

    private void countSource() throws SQLException {
        if (!plan.demoSource()) {
            term.println();
            term.println("Source row counts at the start");
        }
        try (Connection c = source.open()) {
            tables = SinkWatch.tables(c, plan.databases());
            for (Table table : tables) {
                sourceCounts.put(table, SinkWatch.count(c, table));
            }
        } catch (SQLException e) {
            throw new LocalRunException(source.explain(e), e);
        }
        int width = tables.stream().mapToInt(t -> t.label().length()).max().orElse(10);
        for (Table table : tables) {
            String count = Format.count(sourceCounts.get(table));
            term.println("    " + Format.fit(table.label(), width) + " " + " ".repeat(Math.max(0, 9 - count.length()))
                    + count + " rows");
        }
        if (tables.isEmpty()) {
            term.println("    (no tables: only the schema is migrated)");
        }
    }

    /** The connector configurations this run registers, filled in from {@code config/embedded/}. */
    private ConnectorConfigTemplate template(String file) {
        Map<String, String> values = TemplateValues.of(RunPlan.NAME, source, destination, plan.databases(),
                broker.bootstrapServers());
        try {
            return ConnectorConfigTemplate.load(ctx.configDir().resolve(file), values);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new LocalRunException("Cannot use the connector configuration: " + e.getMessage()
                    + "\n  Fix: restore config/embedded/ from the repository (git checkout config/embedded).", e);
        }
    }

    /**
     * The precheck-cli's checks on exactly the configurations about to be registered. As with the precheck CLI, a
     * FAIL, or a WARN not acknowledged ({@code --ack}, or one the demo raises on purpose), stops the run before anything
     * is registered.
     */
    private void precheck() throws SQLException {
        term.println();
        term.println("Precheck (the checks of precheck-cli, on the configurations about to be registered)");
        ConnectorConfigTemplate src = template("source.json");
        ConnectorConfigTemplate sink = template("sink.json");
        List<CheckResult> results;
        try (CheckContext checks = CheckContext.open(src.name(), src.config(), sink.config())) {
            results = Precheck.run(checks, Precheck.all());
        }
        Set<String> acknowledged = acknowledgeDemoWarnings(results);
        for (String line : ReportPrinter.text(results, acknowledged, term.ansi()).split("\n")) {
            term.println("  " + line);
        }
        if (results.stream().anyMatch(r -> r.status() == Status.FAIL)) {
            throw new LocalRunException("The precheck failed; nothing was registered.\n  Fix: apply the fixes above, or run "
                    + "precheck-cli on the same configurations for the details, then start again.");
        }
        List<String> unacknowledged = results.stream().filter(r -> r.status() == Status.WARN && !acknowledged.contains(r.id()))
                .map(CheckResult::id).toList();
        if (!unacknowledged.isEmpty()) {
            throw new LocalRunException("The precheck warns (" + String.join(", ", unacknowledged) + "); nothing was "
                    + "registered.\n  Fix: apply the fixes above, or accept what each warning says and start again with --ack "
                    + String.join(",", unacknowledged));
        }
    }

    /**
     * The warnings acknowledged: those the operator named with {@code --ack}, and those the demo raises on purpose,
     * acknowledged visibly as an operator would: the demo's private source keeps MariaDB's default sql_mode, which allows
     * zero dates. An existing source gets only the operator's.
     */
    private Set<String> acknowledgeDemoWarnings(List<CheckResult> results) {
        Set<String> acknowledged = new java.util.TreeSet<>(plan.acknowledged());
        if (!plan.demoSource()) {
            return acknowledged;
        }
        Map<String, String> expected = Map.of("source.sql_mode.zero_dates", "the demo's server allows zero dates");
        for (CheckResult r : results) {
            if (r.status() == Status.WARN && expected.containsKey(r.id())) {
                acknowledged.add(r.id());
                term.println("  acknowledged for the demo: " + r.id() + " (" + expected.get(r.id()) + ")");
            }
        }
        return acknowledged;
    }

    private void registerConnectors() {
        term.println();
        term.println("Connectors (registered through the worker's REST API " + worker.restUrl() + ")");
        Map<String, String> values = TemplateValues.of(RunPlan.NAME, source, destination, plan.databases(),
                broker.bootstrapServers());
        Path sinkFile = ctx.configDir().resolve("sink.json");
        Path sourceFile = ctx.configDir().resolve("source.json");
        ConnectorConfigTemplate sink = template("sink.json");
        ConnectorConfigTemplate src = template("source.json");
        long started = System.nanoTime();
        for (ConnectorConfigTemplate c : List.of(sink, src)) {
            try {
                rest.createOrUpdate(c.name(), c.config());
            } catch (ConnectRestException e) {
                throw new LocalRunException("The worker refused connector " + c.name() + " (HTTP " + e.status() + "): "
                        + e.body() + "\n  Fix: correct " + display(c == sink ? sinkFile : sourceFile) + ".", e);
            }
            String shortClass = c.config().getOrDefault("connector.class", "?");
            shortClass = shortClass.substring(shortClass.lastIndexOf('.') + 1);
            term.println("  " + Format.fit(c.name(), 12) + " " + Format.fit(shortClass, 25) + " from "
                    + display(c == sink ? sinkFile : sourceFile) + "  "
                    + (c == sink ? "topics " + values.get("TOPICS") : "databases " + values.get("DATABASES")));
        }
        connectors.awaitRunning(RUNNING_TIMEOUT);
        term.println("  both RUNNING after " + Format.secondsSince(started));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Full load

    private void fullLoad(SinkWatch watch) throws Exception {
        term.println();
        term.println("Full load (the source's snapshot, applied by the sink)");
        long started = System.nanoTime();
        long lastPrinted = 0;
        long lastChange = System.nanoTime();
        long lastHealth = 0;
        long lastSignature = -1;
        List<ProgressBars.Row> rows = List.of();
        String status = "";
        String lastRetry = "";
        while (true) {
            Map<String, TopicProgress> progress = watch.progress();
            Map<Table, Long> counts = watch.destinationCounts(tables);
            rows = tables.stream().map(t -> new ProgressBars.Row(t.label(), counts.get(t), sourceCounts.get(t)))
                    .toList();
            boolean countsReached = rows.stream().allMatch(r -> r.done() >= r.total());
            boolean done = progress.values().stream().allMatch(p -> p.incremental()
                    || (countsReached && p.nextOffset() > 0 && p.pending() == 0));
            status = phaseStatus(progress);
            String retry = retryNotice(watch.retrying());
            if (!retry.equals(lastRetry)) {
                if (!term.ansi()) {
                    term.println(retry.isEmpty() ? "  the sink's retry is over: a batch succeeded" : "  " + retry);
                }
                lastRetry = retry;
            }
            if (!retry.isEmpty()) {
                status = status + "; " + retry;
            }
            long elapsed = System.nanoTime() - started;
            if (done) {
                if (term.ansi()) {
                    term.area(ProgressBars.render(rows, elapsed, status, term.unicode(), term.columns()));
                } else {
                    term.println(ProgressBars.summary(rows, elapsed, status));
                }
                long applied = rows.stream().mapToLong(ProgressBars.Row::done).sum();
                term.println("  " + term.ok() + " full load complete: " + Format.count(applied) + " rows in "
                        + Format.seconds(elapsed) + " (" + Format.rate(applied, elapsed) + " rows/s, from registration"
                        + " to the last row on the destination)");
                return;
            }
            if (term.ansi()) {
                term.area(ProgressBars.render(rows, elapsed, status, term.unicode(), term.columns()));
            } else if (System.nanoTime() - lastPrinted >= 2_000_000_000L) {
                lastPrinted = System.nanoTime();
                term.println(ProgressBars.summary(rows, elapsed, status));
            }
            long signature = rows.stream().mapToLong(ProgressBars.Row::done).sum() * 31
                    + progress.values().stream().mapToLong(TopicProgress::nextOffset).sum();
            if (signature != lastSignature) {
                lastSignature = signature;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > STALL_TIMEOUT.toNanos()) {
                throw new LocalRunException("The full load made no progress for " + STALL_TIMEOUT.toSeconds()
                        + " s although both connectors run.\n  Connectors: " + String.join("; ", connectors.describe())
                        + (retry.isEmpty() ? "" : "\n  " + retry)
                        + "\n  Fix: look for errors in the worker log " + display(state.serverLog(Server.WORKER)) + ".");
            }
            if (System.nanoTime() - lastHealth > 1_000_000_000L) {
                lastHealth = System.nanoTime();
                try {
                    if (workerWatch.check()) {
                        lastChange = System.nanoTime(); // the restart's wait is no stall
                    }
                } catch (LocalRunException e) {
                    term.endArea();
                    throw e;
                }
            }
            Thread.sleep(term.ansi() ? 250 : 500);
        }
    }

    private static String phaseStatus(Map<String, TopicProgress> progress) {
        List<String> parts = new ArrayList<>();
        for (TopicProgress p : progress.values()) {
            String phase = p.phase() == null ? "starting" : p.phase();
            parts.add(progress.size() == 1 ? "sink phase " + phase : p.topic() + " " + phase);
        }
        return String.join(", ", parts);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Incremental

    private void incremental(SinkWatch watch) throws Exception {
        term.println();
        term.println("Incremental (changes streamed from the source's binary log)");
        term.println("  delay = now - source time of the last applied event. Source times have 1-second resolution,");
        term.println("  so a delay under 1 s reads as \"within a second\"" + (plan.demoSource()
                ? "; the arrival times further down are exact." : "."));
        if (!plan.demoSource()) {
            term.println("  existing source: no live changes are made; watching the delay for " + DELAY_SECONDS_EXISTING
                    + " s");
            for (int i = 1; i <= DELAY_SECONDS_EXISTING; i++) {
                Thread.sleep(1000);
                workerWatch.check();
                term.println("  " + Format.fit("+" + i + " s", 6) + " " + delayLine(watch.progress())
                        + retrySuffix(watch.retrying()));
            }
            return;
        }
        Supplier<Connection> connections = () -> {
            try {
                return source.connect();
            } catch (SQLException e) {
                throw new IllegalStateException(source.explain(e), e);
            }
        };
        term.println("  live writer: " + LIVE_TRANSACTIONS_PER_SECOND + " transactions/s on " + RunPlan.DEMO_DATABASE
                + " for " + plan.liveSeconds() + " s (new orders with lines, order updates and deletes, customer updates)");
        LiveWriter writer = LiveWriter.start(connections, RunPlan.DEMO_DATABASE, LIVE_TRANSACTIONS_PER_SECOND);
        long transactions;
        try {
            long started = System.nanoTime();
            for (int i = 1; i <= plan.liveSeconds(); i++) {
                long next = started + i * 1_000_000_000L;
                long sleep = (next - System.nanoTime()) / 1_000_000L;
                if (sleep > 0) {
                    Thread.sleep(sleep);
                }
                if (workerWatch.check()) {
                    started = System.nanoTime() - i * 1_000_000_000L; // one line a second again after the restart
                }
                term.println("  " + Format.fit("+" + i + " s", 6) + " " + Format.fit(Format.count(writer.transactions())
                        + " tx", 9) + delayLine(watch.progress()) + retrySuffix(watch.retrying()));
            }
        } finally {
            transactions = stopWriter(writer);
        }
        term.println("  live writer stopped after " + Format.count(transactions) + " transactions");
        term.println();
        term.println("  A few changes of our own, each watched until it shows on the destination:");
        try (Connection s = source.open(); Connection d = destination.open()) {
            new LiveChanges(s, d, RunPlan.DEMO_DATABASE, term, workerWatch::check).run();
        }
    }

    private static long stopWriter(LiveWriter writer) {
        try {
            return writer.stop();
        } catch (IllegalStateException e) {
            throw new LocalRunException("The demo's live writer failed: " + e.getMessage(), e);
        }
    }

    /**
     * The incremental delay in one line: "delay 0.6 s, 0 events pending". The delay of a topic is now minus the
     * source time of the last event the sink applied from it; it counts for topics with events still pending, and
     * otherwise (all caught up) for the most recent one, unless the source has been idle for more than 2 s.
     */
    /**
     * What the sink's tasks retrying within their window say, one clause per task ({@code sink task 0 retrying since
     * ... (attempt 3, ...): <failure>}), or an empty string: such a task shows RUNNING and applies nothing.
     */
    static String retryNotice(Map<Integer, RetryEpisode> retrying) {
        return retrying.entrySet().stream().map(e -> "sink task " + e.getKey() + " " + e.getValue().describe())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    private static String retrySuffix(Map<Integer, RetryEpisode> retrying) {
        String notice = retryNotice(retrying);
        return notice.isEmpty() ? "" : "  ! " + notice;
    }

    static String delayLine(Map<String, TopicProgress> progress) {
        return delayLine(progress, System.currentTimeMillis());
    }

    static String delayLine(Map<String, TopicProgress> progress, long nowMs) {
        long pending = 0;
        boolean unknownPending = false;
        boolean anyIncremental = false;
        long newest = 0;
        long laggingDelay = -1;
        for (TopicProgress p : progress.values()) {
            anyIncremental |= p.incremental();
            newest = Math.max(newest, p.sourceTsMs());
            if (p.pending() < 0) {
                unknownPending = true;
            } else {
                pending += p.pending();
            }
            if (p.pending() != 0 && p.sourceTsMs() > 0) {
                laggingDelay = Math.max(laggingDelay, nowMs - p.sourceTsMs());
            }
        }
        String prefix = anyIncremental ? "" : "(snapshot phase) ";
        String events = (unknownPending ? "? events" : Format.count(pending) + (pending == 1 ? " event" : " events"))
                + " pending";
        if (newest <= 0) {
            return prefix + "no event applied yet, " + events;
        }
        if (laggingDelay >= 0) {
            return prefix + "delay " + oneDecimal(laggingDelay) + ", " + events;
        }
        long idle = nowMs - newest;
        if (idle <= 2000) {
            return prefix + "delay " + oneDecimal(idle) + ", " + events;
        }
        return prefix + "caught up, " + events + "; no change on the source for " + oneDecimal(idle);
    }

    private static String oneDecimal(long millis) {
        return String.format(Locale.US, "%.1f s", Math.max(0, millis) / 1000.0);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Verification

    private boolean verify() throws Exception {
        term.println();
        term.println("Verification (every table's definition and rows, source against destination)");
        long started = System.nanoTime();
        long deadline = started + VERIFY_TIMEOUT.toNanos();
        List<TableComparison> last;
        boolean waitingShown = false;
        while (true) {
            try (Connection s = source.open(); Connection d = destination.open()) {
                last = DatabaseComparator.compare(s, d, plan.databases());
            }
            if (DatabaseComparator.allMatch(last) || System.nanoTime() - deadline > 0) {
                break;
            }
            if (!waitingShown) {
                term.println("  not identical yet; waiting up to " + VERIFY_TIMEOUT.toSeconds()
                        + " s for the destination to catch up…");
                waitingShown = true;
            }
            if (workerWatch.check()) {
                deadline = System.nanoTime() + VERIFY_TIMEOUT.toNanos(); // the restart's wait does not count
            }
            Thread.sleep(1000);
        }
        for (TableComparison comparison : last) {
            term.println("  " + (comparison.matches() ? term.ok() : term.bad()) + " " + comparison.describe());
        }
        List<TableComparison> differing = last.stream().filter(c -> !c.matches()).toList();
        if (differing.isEmpty() && !last.isEmpty()) {
            term.println("  RESULT: all " + last.size() + " tables identical on source and destination ("
                    + "definitions and rows), checked in " + Format.secondsSince(started));
            return true;
        }
        if (last.isEmpty()) {
            term.println("  RESULT: nothing to compare: the migrated databases have no tables.");
            return false;
        }
        term.println("  RESULT: " + differing.size() + " of " + last.size() + " tables differ after "
                + VERIFY_TIMEOUT.toSeconds() + " s: " + differing.stream().map(TableComparison::describe)
                        .collect(Collectors.joining("; ")));
        if (!plan.demoSource()) {
            term.println("  (an existing source that keeps changing can differ for a moment; run again when it is quiet)");
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------------
    // The end

    private void lookAround(SinkWatch watch) {
        term.println();
        term.println("Look around (everything keeps running)");
        String url = worker.restUrl();
        term.println("  Connect REST  " + url);
        term.println("                curl -s " + url + "/connectors");
        term.println("                curl -s " + url + "/connectors/" + plan.sourceConnector() + "/status");
        term.println("                curl -s " + url + "/connectors/" + plan.sinkConnector() + "/status");
        String db = plan.databases().get(0);
        term.println("  Source        " + clientCommand(source, db));
        term.println("  Destination   " + clientCommand(destination, db));
        term.println("  Sink progress " + clientCommand(destination, null)
                + " -e \"SELECT * FROM mysql_migrate.sink_offsets\"");
        List<String> topics = watch.migrationTopics(RunPlan.NAME);
        term.println("  Kafka         bootstrap " + broker.bootstrapServers() + ", topics "
                + String.join(", ", topics.isEmpty() ? plan.topics() : topics));
        term.println("  Logs          worker       " + display(state.serverLog(Server.WORKER)));
        term.println("                broker       " + display(state.serverLog(Server.BROKER)));
        if (plan.demoSource()) {
            term.println("                source       " + display(state.serverLog(Server.SOURCE)));
        }
        if (plan.privateDestination()) {
            term.println("                destination  " + display(state.serverLog(Server.DESTINATION)));
        }
        term.println("                local-run    " + display(state.log()));
        OperatorTool.printCommands(term, ctx.projectRoot(), ctx.displayBase(), url, plan.sourceConnector(),
                plan.sinkConnector());
        term.println("  Status        ./local-run.sh status");
        term.println("  Stop          ./local-run.sh stop");
    }

    /** A mariadb client command line; the password only for the private servers (their fixed demo account). */
    static String clientCommand(Endpoint endpoint, String database) {
        // the client takes "localhost" for its Unix socket and would ignore the port
        String host = endpoint.host().equalsIgnoreCase("localhost") ? "127.0.0.1" : endpoint.host();
        String password = endpoint.managed() ? " -p" + endpoint.password() : " -p";
        return "mariadb -h" + host + " -P" + endpoint.port() + " -u" + endpoint.user() + password
                + (database == null ? "" : " " + database);
    }

    private String display(Path path) {
        return Format.path(ctx.displayBase(), path);
    }
}
