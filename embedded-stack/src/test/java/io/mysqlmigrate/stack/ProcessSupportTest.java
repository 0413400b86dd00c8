package io.mysqlmigrate.stack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSupportTest {
    @TempDir
    Path dir;

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Test
    void lastLines() {
        assertEquals("c\nd", ProcessSupport.lastLines("a\nb\nc\nd\n", 2));
        assertEquals("a\nb", ProcessSupport.lastLines("a\nb", 5));
        assertEquals("", ProcessSupport.lastLines("a\nb", 0));
        assertEquals("b", ProcessSupport.lastLines("a\nb", 1));
    }

    @Test
    void tailOfABigFileAndOfAMissingOne() throws Exception {
        Path file = dir.resolve("big.log");
        Files.writeString(file, IntStream.range(0, 100_000).mapToObj(i -> "line " + i)
                .collect(Collectors.joining("\n", "", "\n")));
        assertEquals("line 99997\nline 99998\nline 99999", ProcessSupport.tail(file, 3));
        assertEquals("", ProcessSupport.tail(dir.resolve("absent.log"), 3));
    }

    @Test
    void launchWritesOutputToAFileAndRunReturnsTheExitCode() throws Exception {
        Path out = dir.resolve("out.txt");
        int exit = ProcessSupport.run(List.of("sh", "-c", "echo hello; echo oops >&2; exit 3"), dir, out,
                Duration.ofSeconds(10));
        assertEquals(3, exit);
        assertEquals("hello\noops\n", Files.readString(out));
    }

    @Test
    void terminateStopsAProcessThatHonoursSigterm() throws InterruptedException {
        Process sleeper = ProcessSupport.launch(List.of("sleep", "60"), dir, dir.resolve("sleep.out"), true);
        assertTrue(ProcessSupport.terminate(sleeper.toHandle(), Duration.ofSeconds(10)));
        // Process#isAlive lags the handle until the JDK's reaper thread has collected the exit status.
        assertTrue(sleeper.waitFor(5, TimeUnit.SECONDS));
    }

    @Test
    void terminateFallsBackToSigkill() throws Exception {
        Path out = dir.resolve("stubborn.out");
        Process stubborn = ProcessSupport.launch(
                List.of("sh", "-c", "trap '' TERM; echo trapped; while true; do sleep 0.1; done"), dir, out, false);
        // the shell ignores SIGTERM only once the trap is set
        await("the shell set its trap").atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .until(() -> Files.exists(out) && Files.readString(out).contains("trapped"));
        ProcessSupport.terminate(stubborn.toHandle(), Duration.ofMillis(500));
        assertTrue(stubborn.waitFor(5, TimeUnit.SECONDS));
        assertEquals(137, stubborn.exitValue(), () -> "the shell ignoring SIGTERM must end by SIGKILL (137), not SIGTERM (143); "
                + "output: " + readQuietly(out));
    }

    @Test
    void watchdogTerminatesTheChildWhenTheParentIsGone() {
        Process parent = ProcessSupport.launch(List.of("sleep", "60"), dir, dir.resolve("parent.out"), false);
        Process child = ProcessSupport.launch(List.of("sleep", "60"), dir, dir.resolve("child.out"), false);
        try {
            ProcessSupport.terminateWhenGone(parent.pid(), child.toHandle());
            // The watchdog shell checks both processes, then runs 'sleep 1', in a loop: two of its sleeps seen means
            // it has checked twice with the parent alive.
            ProcessHandle watchdog = await("the watchdog shell started").atMost(Duration.ofSeconds(10))
                    .until(() -> ProcessHandle.current().children()
                            .filter(p -> p.info().commandLine().orElse("").contains("kill -0 " + parent.pid())).findFirst(),
                            Optional::isPresent).get();
            Set<Long> sleeps = new HashSet<>();
            await("the watchdog checked twice (two of its 'sleep 1' seen)").atMost(Duration.ofSeconds(20))
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        watchdog.children().forEach(c -> sleeps.add(c.pid()));
                        return sleeps.size() >= 2;
                    });
            assertTrue(child.isAlive(), "parent still alive: the child must live on");
            ProcessSupport.kill(parent.toHandle());
            assertTrue(ProcessSupport.waitForExit(child.toHandle(), Duration.ofSeconds(5)));
        } finally {
            parent.destroyForcibly();
            child.destroyForcibly();
        }
    }

    @Test
    void javaBinaryAndFindBinary() {
        assertTrue(Files.isExecutable(ProcessSupport.javaBinary()));
        assertTrue(Files.isExecutable(ProcessSupport.findBinary("no-such-binary-xyz", "sh")));
    }
}
