package io.mysqlmigrate.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A single-node KRaft Kafka broker (broker and controller in one process) in a child JVM. */
public final class KafkaBroker extends ManagedServer {
    static final String KIND = "kafka-broker";
    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    /** Settings of the broker; a small fluent builder ({@code new Options()} or {@code Options.builder()}). */
    public static final class Options {
        private Path baseDir;
        private int port;
        private int controllerPort;
        private boolean detached;
        private Boolean shutdownHook;
        private int heapMb = 512;
        private final Map<String, String> overrides = new LinkedHashMap<>();

        public static Options builder() {
            return new Options();
        }

        public Options build() {
            return this;
        }

        /** The broker's directory: config, data, log, pid. */
        public Options baseDir(Path baseDir) {
            this.baseDir = baseDir;
            return this;
        }

        /** Client port; 0 (the default) picks a free one. */
        public Options port(int port) {
            this.port = port;
            return this;
        }

        /** Controller port; 0 (the default) picks a free one. */
        public Options controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /** When true the broker outlives this JVM: no shutdown hook, own session. */
        public Options detached(boolean detached) {
            this.detached = detached;
            return this;
        }

        /** Whether a JVM shutdown hook stops the broker; default: when not detached. */
        public Options shutdownHook(boolean shutdownHook) {
            this.shutdownHook = shutdownHook;
            return this;
        }

        public Options heapMb(int heapMb) {
            this.heapMb = heapMb;
            return this;
        }

        /** server.properties entries merged last (a null value removes a default). */
        public Options overrides(Map<String, String> overrides) {
            this.overrides.clear();
            this.overrides.putAll(overrides);
            return this;
        }

        public Path baseDir() {
            return baseDir;
        }

        public int port() {
            return port;
        }

        public int controllerPort() {
            return controllerPort;
        }

        public boolean detached() {
            return detached;
        }

        public int heapMb() {
            return heapMb;
        }

        public Map<String, String> overrides() {
            return new HashMap<>(overrides);
        }

        boolean withShutdownHook() {
            return shutdownHook != null ? shutdownHook : !detached;
        }
    }

    private final Options options;
    private final int port;
    private final int controllerPort;

    private KafkaBroker(Options options, Path dir, int port, int controllerPort) {
        super(dir, "Kafka broker");
        this.options = options;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Writes the configuration, formats the storage when new, starts the broker and waits until it answers. */
    public static KafkaBroker start(Options options) {
        Objects.requireNonNull(options.baseDir(), "Options.baseDir is required");
        Path dir = options.baseDir().toAbsolutePath();
        InstanceRecord.requireNotRunning(dir, KIND);
        int port = PortAllocator.portOrFree(options.port());
        int controllerPort = PortAllocator.portOrFree(options.controllerPort());
        KafkaBroker broker = new KafkaBroker(options, dir, port, controllerPort);
        broker.writeConfiguration();
        broker.formatIfNew();
        broker.launchAndAwait();
        return broker;
    }

    /** Stops the (detached) broker whose directory is {@code dir}: SIGTERM, 20 s, SIGKILL. */
    public static void stopFromDirectory(Path dir) {
        InstanceRecord.stop(dir.toAbsolutePath(), KIND, STOP_GRACE);
    }

    public String bootstrapServers() {
        return MariaDbServer.HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path baseDir() {
        return dir;
    }

    public Path logFile() {
        return dir.resolve("broker.log");
    }


    @Override
    public String toString() {
        return "KafkaBroker[" + bootstrapServers() + ", " + dir + "]";
    }

    private Path dataDir() {
        return dir.resolve("data");
    }

    private Path propertiesFile() {
        return dir.resolve("server.properties");
    }

    private Path log4jFile() {
        return dir.resolve("log4j2.xml");
    }

    private void writeConfiguration() {
        PropertiesFiles.write(propertiesFile(), "Single-node KRaft broker written by io.mysqlmigrate.stack",
                BrokerConfig.render(port, controllerPort, dataDir(), options.overrides()));
        Map<String, String> levels = new LinkedHashMap<>();
        levels.put("kafka.request.logger", "WARN");
        levels.put("kafka.log.LogCleaner", "WARN");
        levels.put("org.apache.kafka.clients", "WARN");
        levels.put("org.apache.kafka.common.config.AbstractConfig", "WARN");
        levels.put("org.apache.kafka.storage.internals.log", "WARN");
        levels.put("kafka.log", "WARN");
        ProcessSupport.writeString(log4jFile(), Log4j2Config.render(logFile(), "INFO", levels));
    }

    private void formatIfNew() {
        if (Files.isRegularFile(dataDir().resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String clusterId = Uuid.randomUuid().toString();
        Path output = dir.resolve("format.log");
        List<String> command = ProcessSupport.javaCommand(jvmFlags(256), "kafka.tools.StorageTool",
                List.of("format", "-t", clusterId, "-c", propertiesFile().toString(), "--standalone"));
        int exit = ProcessSupport.run(command, dir, output, Duration.ofSeconds(60));
        if (exit != 0) {
            throw new StackException("Kafka storage format exited with " + exit + ":\n" + ProcessSupport.tail(output, 30)
                    + "\n" + ProcessSupport.tail(logFile(), 30));
        }
    }

    private List<String> jvmFlags(int heap) {
        List<String> flags = new ArrayList<>();
        flags.add("-Xmx" + heap + "m");
        flags.add("-XX:+ExitOnOutOfMemoryError");
        flags.add("-Djava.awt.headless=true");
        flags.addAll(Log4j2Config.jvmFlags(log4jFile()));
        flags.add("-Dkafka.logs.dir=" + dir);
        flags.add("-Dmysqlmigrate.stack.instance=" + dir);
        return flags;
    }

    @Override
    protected synchronized void launchAndAwait() {
        for (int p : new int[] {port, controllerPort}) {
            if (!PortAllocator.isFree(p)) {
                throw new StackException("Port " + p + " for the Kafka broker is already in use");
            }
        }
        long started = System.nanoTime();
        List<String> command = ProcessSupport.javaCommand(jvmFlags(options.heapMb()), "kafka.Kafka",
                List.of(propertiesFile().toString()));
        Process child = ProcessSupport.launch(command, dir, dir.resolve("broker.out"), options.detached());
        attach(new ChildProcess("Kafka broker", child, STOP_GRACE, options.withShutdownHook(),
                options.detached()));
        try {
            awaitReady(child);
        } catch (RuntimeException e) {
            kill();
            throw e;
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("port", Integer.toString(port));
        details.put("controller.port", Integer.toString(controllerPort));
        details.put("bootstrap.servers", bootstrapServers());
        details.put("log.dirs", dataDir().toString());
        InstanceRecord.write(dir, KIND, child.toHandle(), details);
        LOG.info("Kafka broker ready on {} (pid {}) in {} ms", bootstrapServers(), child.pid(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private void awaitReady(Process child) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        // First wait for the listener, so the admin client does not log connection failures.
        while (!accepts(port)) {
            checkAlive(child);
            checkDeadline(deadline, null);
            ProcessSupport.sleep(100);
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "mysqlmigrate-stack-readiness");
        Exception last = null;
        try (Admin admin = Admin.create(props)) {
            while (true) {
                checkAlive(child);
                checkDeadline(deadline, last);
                try {
                    Collection<Node> nodes = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StackException("Interrupted while waiting for the Kafka broker", e);
                }
                ProcessSupport.sleep(100);
            }
        }
    }

    private void checkAlive(Process child) {
        if (!child.isAlive()) {
            throw new StackException("Kafka broker exited with " + child.exitValue() + " during start; last lines of "
                    + logFile() + ":\n" + ProcessSupport.tail(logFile(), 40) + "\nstdout/stderr:\n"
                    + ProcessSupport.tail(dir.resolve("broker.out"), 20));
        }
    }

    private void checkDeadline(long deadline, Exception last) {
        if (System.nanoTime() - deadline > 0) {
            throw new StackException("Kafka broker on " + bootstrapServers() + " not ready within "
                    + READY_TIMEOUT.toSeconds() + " s" + (last == null ? "" : " (" + last.getMessage() + ")")
                    + "; last lines of " + logFile() + ":\n" + ProcessSupport.tail(logFile(), 40), last);
        }
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(MariaDbServer.HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
