package io.mysqlmigrate.stack;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Kafka Connect distributed worker in a child JVM. */
public final class ConnectWorker extends ManagedServer {
    static final String KIND = "connect-worker";
    public static final String DEFAULT_GROUP_ID = "mysql-migrate-connect";
    /** The worker's garbage collector (see {@link #launchAndAwait()}). */
    public static final String GARBAGE_COLLECTOR = "-XX:+UseParallelGC";
    private static final Logger LOG = LoggerFactory.getLogger(ConnectWorker.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    /** Settings of the worker; a small fluent builder ({@code new Options()} or {@code Options.builder()}). */
    public static final class Options {
        private Path baseDir;
        private String bootstrapServers;
        private Path pluginPath;
        private int restPort;
        private String groupId = DEFAULT_GROUP_ID;
        private boolean detached;
        private Boolean shutdownHook;
        private int heapMb = 768;
        private final Map<String, String> overrides = new LinkedHashMap<>();

        public static Options builder() {
            return new Options();
        }

        public Options build() {
            return this;
        }

        /** The worker's directory: worker.properties, log, pid. */
        public Options baseDir(Path baseDir) {
            this.baseDir = baseDir;
            return this;
        }

        public Options bootstrapServers(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
            return this;
        }

        /** A directory whose subdirectories are unpacked plugin archives (null: class path plugins only). */
        public Options pluginPath(Path pluginPath) {
            this.pluginPath = pluginPath;
            return this;
        }

        /** REST port; 0 (the default) picks a free one. */
        public Options restPort(int restPort) {
            this.restPort = restPort;
            return this;
        }

        /** Connect group id (default {@value ConnectWorker#DEFAULT_GROUP_ID}); also names the internal topics. */
        public Options groupId(String groupId) {
            this.groupId = Objects.requireNonNull(groupId, "groupId");
            return this;
        }

        /** When true the worker outlives this JVM: no shutdown hook, own session. */
        public Options detached(boolean detached) {
            this.detached = detached;
            return this;
        }

        /** Whether a JVM shutdown hook stops the worker; default: when not detached. */
        public Options shutdownHook(boolean shutdownHook) {
            this.shutdownHook = shutdownHook;
            return this;
        }

        public Options heapMb(int heapMb) {
            this.heapMb = heapMb;
            return this;
        }

        /** worker.properties entries merged last (a null value removes a default). */
        public Options overrides(Map<String, String> overrides) {
            this.overrides.clear();
            this.overrides.putAll(overrides);
            return this;
        }

        public Path baseDir() {
            return baseDir;
        }

        public String bootstrapServers() {
            return bootstrapServers;
        }

        public Path pluginPath() {
            return pluginPath;
        }

        public int restPort() {
            return restPort;
        }

        public String groupId() {
            return groupId;
        }

        public boolean detached() {
            return detached;
        }

        public int heapMb() {
            return heapMb;
        }

        public Map<String, String> overrides() {
            return new LinkedHashMap<>(overrides);
        }

        boolean withShutdownHook() {
            return shutdownHook != null ? shutdownHook : !detached;
        }
    }

    private final Options options;
    private final int restPort;
    private final int jmxPort;
    private final ConnectRestClient rest;

    private ConnectWorker(Options options, Path dir, int restPort) {
        super(dir, "Connect worker");
        this.options = options;
        this.restPort = restPort;
        this.jmxPort = PortAllocator.freePort();
        this.rest = new ConnectRestClient(restUrl());
    }

    /** Writes worker.properties, starts the worker and waits until its REST API answers. */
    public static ConnectWorker start(Options options) {
        Objects.requireNonNull(options.baseDir(), "Options.baseDir is required");
        Objects.requireNonNull(options.bootstrapServers(), "Options.bootstrapServers is required");
        Path dir = options.baseDir().toAbsolutePath();
        InstanceRecord.requireNotRunning(dir, KIND);
        int restPort = PortAllocator.portOrFree(options.restPort());
        ConnectWorker worker = new ConnectWorker(options, dir, restPort);
        worker.writeConfiguration();
        worker.launchAndAwait();
        return worker;
    }

    /** Stops the (detached) worker whose directory is {@code dir}: SIGTERM, 20 s, SIGKILL. */
    public static void stopFromDirectory(Path dir) {
        InstanceRecord.stop(dir.toAbsolutePath(), KIND, STOP_GRACE);
    }

    /** The worker's JMX endpoint, where the connectors' metrics are read. */
    public String jmxUrl() {
        return "service:jmx:rmi:///jndi/rmi://" + MariaDbServer.HOST + ":" + jmxPort + "/jmxrmi";
    }

    /** e.g. {@code http://127.0.0.1:8083} */
    public String restUrl() {
        return "http://" + MariaDbServer.HOST + ":" + restPort;
    }

    public int restPort() {
        return restPort;
    }

    /** A REST client for this worker. */
    public ConnectRestClient rest() {
        return rest;
    }

    public Path baseDir() {
        return dir;
    }

    public Path logFile() {
        return dir.resolve("connect.log");
    }

    public Path propertiesFile() {
        return dir.resolve("worker.properties");
    }


    @Override
    public String toString() {
        return "ConnectWorker[" + restUrl() + ", " + dir + "]";
    }

    private Path log4jFile() {
        return dir.resolve("log4j2.xml");
    }

    private void writeConfiguration() {
        PropertiesFiles.write(propertiesFile(), "Connect distributed worker written by io.mysqlmigrate.stack",
                WorkerConfig.render(options.bootstrapServers(), options.groupId(), options.pluginPath(), restPort,
                        options.overrides()));
        ProcessSupport.writeString(log4jFile(), Log4j2Config.render(logFile(), "INFO", WorkerConfig.logLevels()));
    }

    @Override
    protected synchronized void launchAndAwait() {
        if (!PortAllocator.isFree(restPort)) {
            throw new StackException("REST port " + restPort + " for the Connect worker is already in use");
        }
        long started = System.nanoTime();
        List<String> flags = new ArrayList<>();
        flags.add("-Xmx" + options.heapMb() + "m");
        // The throughput collector: on two cores G1's concurrent and barrier work cost the worker about a quarter of
        // its CPU in a full load (70 against 51-53 CPU seconds for 1,000,000 rows; 51-56 s against 39-45 s), while the
        // incremental delay and catch-up did not change (bench/README.md). docker/ and k8s/ ship the same choice.
        flags.add(GARBAGE_COLLECTOR);
        flags.add("-XX:+ExitOnOutOfMemoryError");
        flags.add("-Djava.awt.headless=true");
        flags.addAll(Log4j2Config.jvmFlags(log4jFile()));
        flags.add("-Dkafka.logs.dir=" + dir);
        flags.add("-Dmysqlmigrate.stack.instance=" + dir);
        // The connectors' metrics over JMX, on the loopback interface only and without authentication: a local
        // worker for tests and the embedded default, where only this machine's users can reach it.
        flags.add("-Dcom.sun.management.jmxremote.port=" + jmxPort);
        flags.add("-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort);
        flags.add("-Dcom.sun.management.jmxremote.host=" + MariaDbServer.HOST);
        flags.add("-Djava.rmi.server.hostname=" + MariaDbServer.HOST);
        flags.add("-Dcom.sun.management.jmxremote.authenticate=false");
        flags.add("-Dcom.sun.management.jmxremote.ssl=false");
        List<String> command = ProcessSupport.javaCommand(flags, "org.apache.kafka.connect.cli.ConnectDistributed",
                List.of(propertiesFile().toString()));
        Process child = ProcessSupport.launch(command, dir, dir.resolve("connect.out"), options.detached());
        attach(new ChildProcess("Connect worker", child, STOP_GRACE, options.withShutdownHook(),
                options.detached()));
        try {
            awaitReady(child);
        } catch (RuntimeException e) {
            kill();
            throw e;
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("rest.url", restUrl());
        details.put("rest.port", Integer.toString(restPort));
        details.put("jmx.url", jmxUrl());
        details.put("bootstrap.servers", options.bootstrapServers());
        details.put("group.id", options.groupId());
        InstanceRecord.write(dir, KIND, child.toHandle(), details);
        LOG.info("Connect worker ready on {} (pid {}) in {} ms", restUrl(), child.pid(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Ready when GET /, GET /connector-plugins and GET /health all answer 200. /health is answered by the herder
     * thread, so after a crash it waits until the worker has rejoined the group (the dead member's session has
     * expired) and has its connectors and tasks back; the status topic alone would still show the old RUNNING.
     */
    private void awaitReady(Process child) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String lastProblem = "no answer yet";
        List<String> probes = List.of("/", "/connector-plugins", "/health");
        int passed = 0;
        while (passed < probes.size()) {
            if (!child.isAlive()) {
                throw new StackException("Connect worker exited with " + child.exitValue() + " during start; last lines"
                        + " of " + logFile() + ":\n" + ProcessSupport.tail(logFile(), 40) + "\nstdout/stderr:\n"
                        + ProcessSupport.tail(dir.resolve("connect.out"), 20));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new StackException("Connect worker on " + restUrl() + " not ready within "
                        + READY_TIMEOUT.toSeconds() + " s (" + lastProblem + "); last lines of " + logFile() + ":\n"
                        + ProcessSupport.tail(logFile(), 40));
            }
            String path = probes.get(passed);
            try {
                Duration remaining = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000));
                HttpResponse<String> response = rest.rawGet(path,
                        remaining.compareTo(Duration.ofSeconds(30)) < 0 ? remaining : Duration.ofSeconds(30));
                if (response.statusCode() == 200) {
                    passed++;
                    continue;
                }
                lastProblem = "GET " + path + " answered " + response.statusCode() + ": " + response.body();
            } catch (IOException e) {
                lastProblem = "GET " + path + ": " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("Interrupted while waiting for the Connect worker", e);
            }
            ProcessSupport.sleep(200);
        }
    }
}
