package io.mysqlmigrate.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code pid} and {@code instance.properties} files a running server leaves in its directory, so another
 * JVM can stop it later. The process start time is recorded too: a recycled pid is never signalled.
 */
final class InstanceRecord {
    static final String PID_FILE = "pid";
    static final String PROPERTIES_FILE = "instance.properties";
    static final String KIND = "kind";
    static final String PID = "pid";
    static final String STARTED = "process.start";

    private static final Logger LOG = LoggerFactory.getLogger(InstanceRecord.class);

    private InstanceRecord() {
    }

    static void write(Path dir, String kind, ProcessHandle process, Map<String, String> details) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(KIND, kind);
        entries.put(PID, Long.toString(process.pid()));
        process.info().startInstant().ifPresent(start -> entries.put(STARTED, start.toString()));
        entries.putAll(details);
        PropertiesFiles.write(dir.resolve(PROPERTIES_FILE), "Written by io.mysqlmigrate.stack; read by stopFromDirectory",
                entries);
        ProcessSupport.writeString(dir.resolve(PID_FILE), process.pid() + "\n");
    }

    static Map<String, String> read(Path dir) {
        Path file = dir.resolve(PROPERTIES_FILE);
        return Files.isRegularFile(file) ? PropertiesFiles.read(file) : Map.of();
    }

    /** Removes the pid file: the recorded process is known to be gone. */
    static void clearPid(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(PID_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The live process recorded in {@code dir}, if there is one: the pid file exists, the process is alive, was
     * recorded as {@code kind}, and (when recorded) started at the recorded instant.
     */
    static Optional<ProcessHandle> liveProcess(Path dir, String kind) {
        Path pidFile = dir.resolve(PID_FILE);
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        Map<String, String> record = read(dir);
        if (!record.isEmpty() && !kind.equals(record.get(KIND))) {
            throw new StackException(dir + " holds a " + record.get(KIND) + ", not a " + kind);
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException | NumberFormatException e) {
            throw new StackException("Unreadable pid file " + pidFile, e);
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return Optional.empty();
        }
        String recordedStart = record.get(STARTED);
        Optional<Instant> actualStart = process.get().info().startInstant();
        if (recordedStart != null && actualStart.isPresent()
                && !Instant.parse(recordedStart).equals(actualStart.get())) {
            LOG.warn("pid {} from {} now belongs to another process (started {}, recorded {}); not touching it",
                    pid, dir, actualStart.get(), recordedStart);
            return Optional.empty();
        }
        return process;
    }

    /** Fails when {@code dir} already has a live process of {@code kind} (e.g. a detached one left running). */
    static void requireNotRunning(Path dir, String kind) {
        liveProcess(dir, kind).ifPresent(process -> {
            throw new StackException("A " + kind + " (pid " + process.pid() + ") already runs in " + dir
                    + "; stop it first (stopFromDirectory)");
        });
    }

    /** Stops the process recorded in {@code dir}: SIGTERM, {@code grace}, SIGKILL. A no-op when none runs. */
    static void stop(Path dir, String kind, Duration grace) {
        Optional<ProcessHandle> process = liveProcess(dir, kind);
        if (process.isPresent()) {
            LOG.info("Stopping {} pid {} recorded in {}", kind, process.get().pid(), dir);
            if (!ProcessSupport.terminate(process.get(), grace)) {
                LOG.warn("{} pid {} did not stop within {} s; killed it", kind, process.get().pid(), grace.toSeconds());
            }
        }
        clearPid(dir);
    }
}
