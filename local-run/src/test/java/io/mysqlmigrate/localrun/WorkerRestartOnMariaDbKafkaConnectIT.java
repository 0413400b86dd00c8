package io.mysqlmigrate.localrun;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mysqlmigrate.localrun.StateDirectory.Server;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job on real servers (private MariaDB source and destination, a KRaft broker, a Connect worker) when the
 * worker it started dies in the middle of the migration: the job notices, says so, starts the worker again on its
 * ports and directory, and the migration carries on from the connectors' offsets to identical source and destination.
 */
class WorkerRestartOnMariaDbKafkaConnectIT {

    @TempDir
    Path tmp;

    private Path stateDir;

    @AfterEach
    void stopWhatIsLeft() {
        if (stateDir != null) {
            LocalRun.execute(new String[] {"stop", "--state-dir", stateDir.toString()}, System.out, System.err);
        }
    }

    @Test
    void aWorkerKilledDuringTheMigrationIsRestartedAndTheJobCompletes() throws Exception {
        stateDir = tmp.resolve("state");
        Tee out = new Tee(System.out);
        Tee err = new Tee(System.err);
        CompletableFuture<Integer> job = CompletableFuture.supplyAsync(() -> LocalRun.execute(
                new String[] {"--state-dir", stateDir.toString(), "--live-seconds", "20"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));

        await("the job reaches its incremental phase (prints its live writer)").atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(200))
                .failFast("the job ended before its incremental phase", () -> {
                    if (job.isDone()) {
                        fail("the job ended before its incremental phase (exit " + job.get() + "):\n" + out.text() + err.text());
                    }
                })
                .untilAsserted(() -> assertTrue(out.text().contains("  live writer: "), () -> "printed so far:\n" + out.text()));
        StateDirectory state = new StateDirectory(stateDir);
        ProcessHandle worker = state.recordedProcess(Server.WORKER).orElseThrow(() -> new AssertionError("no worker runs"));
        assertTrue(worker.destroyForcibly(), "SIGKILL sent to the worker, pid " + worker.pid());
        worker.onExit().get(30, TimeUnit.SECONDS);

        int exit = job.get(10, TimeUnit.MINUTES);
        String printed = out.text();
        assertEquals(0, exit, "the job carried on and completed; stderr:\n" + err.text());
        assertTrue(printed.contains("! The Connect worker this run started (pid " + worker.pid() + ", REST "), printed);
        assertTrue(printed.contains(") has exited."), "it says what happened:\n" + printed);
        assertTrue(printed.contains("! restarting it (1 of at most 3 in this run)"), printed);
        assertTrue(printed.contains("the Connect worker runs again ("), printed);
        assertTrue(printed.contains("the migration carries on"), printed);
        assertTrue(printed.contains("RESULT: all 4 tables identical on source and destination"),
                "the connectors resumed from their offsets and missed nothing:\n" + printed);
        assertFalse(printed.contains("does not answer"), "the exited process was recognised as such, not as a silent API");

        ProcessHandle restarted = state.recordedProcess(Server.WORKER).orElseThrow(() -> new AssertionError(
                "the restarted worker keeps running after the job, like the first"));
        assertNotEquals(worker.pid(), restarted.pid());
        assertTrue(restarted.isAlive());

        ByteArrayOutputStream statusOut = new ByteArrayOutputStream();
        int status = LocalRun.execute(new String[] {"status", "--state-dir", stateDir.toString()},
                new PrintStream(statusOut, true, StandardCharsets.UTF_8), System.err);
        String statusText = statusOut.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, statusText);
        assertTrue(statusText.contains(" binlog connected"), "status reads the restarted source task's binlog connection:\n"
                + statusText);
    }
}
