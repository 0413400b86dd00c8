package io.mysqlmigrate.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Launching child processes with their output in files, stopping processes by handle, reading log tails.
 * Output never goes to a pipe, so a child that outlives this JVM can never block on a full pipe.
 */
public final class ProcessSupport {
    private static final List<String> BINARY_DIRS =
            List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin", "/sbin", "/bin");

    private ProcessSupport() {
    }

    /** The java launcher of the running JVM. */
    public static Path javaBinary() {
        Path fromHome = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(fromHome)) {
            return fromHome;
        }
        return ProcessHandle.current().info().command().map(Path::of)
                .orElseThrow(() -> new StackException("Cannot locate the java launcher of this JVM"));
    }

    /** The first of {@code names} found on PATH or in the usual sbin/bin directories. */
    public static Path findBinary(String... names) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(Arrays.asList(path.split(File.pathSeparator)));
        }
        dirs.addAll(BINARY_DIRS);
        for (String name : names) {
            for (String dir : dirs) {
                if (dir.isBlank()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new StackException("None of " + Arrays.toString(names) + " found on PATH or in " + BINARY_DIRS);
    }

    /**
     * The command line that runs {@code mainClass} in a child JVM on the Kafka runtime class path.
     */
    public static List<String> javaCommand(List<String> jvmArgs, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary().toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(KafkaRuntimeClasspath.get());
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /**
     * Starts {@code command} in {@code workDir}, stdout and stderr appended to {@code outputFile}, stdin from
     * /dev/null. With {@code newSession} the child runs in its own session (via setsid, which execs in place, so
     * the pid stays the child's), so a Ctrl-C in the terminal of this JVM does not reach it.
     */
    public static Process launch(List<String> command, Path workDir, Path outputFile, boolean newSession) {
        List<String> full = new ArrayList<>();
        if (newSession) {
            setsid().ifPresent(setsid -> full.add(setsid.toString()));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(outputFile.toFile()));
        try {
            Files.createDirectories(workDir);
            return builder.start();
        } catch (IOException e) {
            throw new StackException("Cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts a tiny shell watchdog that sends SIGTERM to {@code child} once this JVM is gone, so a test JVM that
     * is killed (no shutdown hooks) does not leave its servers running. It polls once a second and exits by
     * itself when the child ends first.
     */
    public static void terminateWhenThisJvmDies(ProcessHandle child) {
        terminateWhenGone(ProcessHandle.current().pid(), child);
    }

    static void terminateWhenGone(long parent, ProcessHandle child) {
        String script = "while kill -0 " + parent + " 2>/dev/null && kill -0 " + child.pid() + " 2>/dev/null;"
                + " do sleep 1; done; kill -0 " + parent + " 2>/dev/null || kill -TERM " + child.pid()
                + " 2>/dev/null; exit 0";
        try {
            new ProcessBuilder(findBinary("sh").toString(), "-c", script)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new StackException("Cannot start the watchdog for pid " + child.pid(), e);
        }
    }

    /** Runs {@code command} to completion (output appended to {@code outputFile}) and returns its exit code. */
    public static int run(List<String> command, Path workDir, Path outputFile, Duration timeout) {
        Process process = launch(command, workDir, outputFile, false);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new StackException(command.get(0) + " did not finish within " + timeout.toSeconds()
                        + " s; output:\n" + tail(outputFile, 30));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while running " + command.get(0), e);
        }
    }

    /**
     * Sends SIGTERM, waits up to {@code grace} for the process to exit, then sends SIGKILL.
     *
     * @return true when the process exited within the grace period
     */
    public static boolean terminate(ProcessHandle process, Duration grace) {
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        if (waitForExit(process, grace)) {
            return true;
        }
        kill(process);
        return false;
    }

    /** Sends SIGKILL and waits (up to 10 s) until the process is gone. */
    public static void kill(ProcessHandle process) {
        if (process.isAlive()) {
            process.destroyForcibly();
            if (!waitForExit(process, Duration.ofSeconds(10))) {
                throw new StackException("Process " + process.pid() + " survived SIGKILL for 10 s");
            }
        }
    }

    /** Waits until the process is gone; true when it exited within {@code timeout}. */
    public static boolean waitForExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            sleep(25);
        }
        return true;
    }

    /** The last {@code lines} lines of a text file ("" when it does not exist). Reads at most the last 256 KiB. */
    public static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            int length = (int) Math.min(size, 256 * 1024);
            ByteBuffer buffer = ByteBuffer.allocate(length);
            channel.position(size - length);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // keep reading
            }
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
            return lastLines(text, lines);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    static String lastLines(String text, int lines) {
        if (lines <= 0) {
            return "";
        }
        String trimmed = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        int end = trimmed.length();
        int index = end;
        for (int found = 0; found < lines; found++) {
            index = trimmed.lastIndexOf('\n', index - 1);
            if (index < 0) {
                return trimmed;
            }
        }
        return trimmed.substring(index + 1);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted", e);
        }
    }

    private static Optional<Path> setsid() {
        try {
            return Optional.of(findBinary("setsid"));
        } catch (StackException e) {
            return Optional.empty();
        }
    }

    static void writeString(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
