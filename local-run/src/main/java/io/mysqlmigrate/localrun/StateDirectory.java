package io.mysqlmigrate.localrun;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The state directory of a local run ({@code .local-run/}): one subdirectory per server (its data, logs, and the
 * {@code pid} and {@code instance.properties} files embedded-stack writes once it is ready), {@value #RECORD}
 * describing the run (never a password), and {@value #LOG} for this program's own log.
 */
final class StateDirectory {
    static final String RECORD = "local-run.properties";
    static final String LOG = "local-run.log";

    /** The servers of a run, in the order they are shown. */
    enum Server {
        SOURCE("source MariaDB", "source"),
        DESTINATION("destination MariaDB", "destination"),
        BROKER("Kafka broker", "kafka"),
        WORKER("Connect worker", "connect");

        final String title;
        final String directory;

        Server(String title, String directory) {
            this.title = title;
            this.directory = directory;
        }
    }

    private final Path root;

    StateDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Path dir(Server server) {
        return root.resolve(server.directory);
    }

    Path record() {
        return root.resolve(RECORD);
    }

    Path log() {
        return root.resolve(LOG);
    }

    /** Where each server writes its log. */
    Path serverLog(Server server) {
        return switch (server) {
            case SOURCE, DESTINATION -> dir(server).resolve("mariadb.err");
            case BROKER -> dir(server).resolve("broker.log");
            case WORKER -> dir(server).resolve("connect.log");
        };
    }

    boolean exists() {
        return Files.isDirectory(root);
    }

    /** Empty, or made by local-run (it holds the run record). Only such a directory is ever cleared. */
    boolean isOursOrEmpty() {
        if (!Files.exists(root)) {
            return true;
        }
        if (!Files.isDirectory(root)) {
            return false;
        }
        if (Files.isRegularFile(record())) {
            return true;
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes everything of an earlier run. */
    void clear() {
        if (!isOursOrEmpty()) {
            throw new LocalRunException(root + " exists but was not made by local-run (it has no " + RECORD
                    + "); it is left alone.\n  Fix: remove it yourself, or choose another --state-dir.");
        }
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new LocalRunException("Cannot clear " + root + " of the previous run: " + e.getMessage()
                    + "\n  Fix: remove it yourself (rm -rf " + root + ") and start again.", e);
        }
    }

    void create() {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new LocalRunException("Cannot create the state directory " + root + ": " + e.getMessage(), e);
        }
    }

    /** The running process of {@code server}: the one recorded in its directory, or one started for it but not yet recorded. */
    List<ProcessHandle> liveProcesses(Server server) {
        List<ProcessHandle> live = new ArrayList<>();
        recordedProcess(server).ifPresent(live::add);
        for (ProcessHandle p : unrecordedProcesses(server)) {
            if (live.stream().noneMatch(h -> h.pid() == p.pid())) {
                live.add(p);
            }
        }
        return live;
    }

    /** The process named by the server's {@code pid} file when it is alive and started when recorded (no recycled pid). */
    Optional<ProcessHandle> recordedProcess(Server server) {
        Path dir = dir(server);
        Path pidFile = dir.resolve("pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        String recordedStart = instanceProperties(server).get("process.start");
        if (process.isPresent() && recordedStart != null) {
            Optional<Instant> actual = process.get().info().startInstant();
            try {
                if (actual.isPresent() && !Instant.parse(recordedStart).equals(actual.get())) {
                    return Optional.empty();
                }
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return process;
    }

    /**
     * Processes of this user whose command line names the server's directory exactly ({@code --datadir=<dir>/data}
     * for MariaDB, {@code -Dmysqlmigrate.stack.instance=<dir>} for the broker and worker): a server whose start was
     * interrupted before it wrote its pid file.
     */
    List<ProcessHandle> unrecordedProcesses(Server server) {
        Path dir = dir(server);
        String marker = switch (server) {
            case SOURCE, DESTINATION -> "--datadir=" + dir.resolve("data");
            case BROKER, WORKER -> "-Dmysqlmigrate.stack.instance=" + dir;
        };
        long self = ProcessHandle.current().pid();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.pid() != self && p.isAlive())
                    .filter(p -> commandLine(p).contains(marker))
                    .toList();
        }
    }

    /** The arguments of a process, from /proc (complete) or else from ProcessHandle.Info. */
    static List<String> commandLine(ProcessHandle process) {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(cmdline)) {
                String text = Files.readString(cmdline, StandardCharsets.UTF_8);
                return List.of(text.split("\0"));
            }
        } catch (IOException | UncheckedIOException | SecurityException e) {
            // fall through
        }
        return process.info().arguments().map(List::of).orElse(List.of());
    }

    /** The {@code instance.properties} embedded-stack wrote for the server (empty when there is none). */
    Map<String, String> instanceProperties(Server server) {
        return readProperties(dir(server).resolve("instance.properties"));
    }

    Map<String, String> readRecord() {
        return readProperties(record());
    }

    void writeRecord(Map<String, String> entries) {
        Properties properties = new Properties();
        entries.forEach((k, v) -> {
            if (v != null) {
                properties.setProperty(k, v);
            }
        });
        try (Writer writer = Files.newBufferedWriter(record(), StandardCharsets.UTF_8)) {
            properties.store(writer, "A local run of mysql-migrate (./local-run.sh); no passwords in here");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + record(), e);
        }
    }

    /** Adds entries to the run record. */
    void updateRecord(Map<String, String> entries) {
        Map<String, String> all = new LinkedHashMap<>(readRecord());
        all.putAll(entries);
        writeRecord(all);
    }

    private static Map<String, String> readProperties(Path file) {
        Map<String, String> map = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return map;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            return map;
        }
        properties.stringPropertyNames().stream().sorted().forEach(k -> map.put(k, properties.getProperty(k)));
        return map;
    }
}
