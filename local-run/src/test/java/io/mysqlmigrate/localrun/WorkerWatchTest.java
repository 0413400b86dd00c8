package io.mysqlmigrate.localrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** When the main job restarts the worker it started, when it waits, and when it gives up saying how to continue. */
class WorkerWatchTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Terminal term = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false, true, 100);
    private final AtomicBoolean alive = new AtomicBoolean(true);
    private final AtomicBoolean answers = new AtomicBoolean(true);
    private final AtomicInteger restarted = new AtomicInteger();
    private final AtomicInteger awaited = new AtomicInteger();
    private final AtomicLong clock = new AtomicLong();

    private final WorkerWatch.Worker worker = new WorkerWatch.Worker() {
        @Override
        public boolean alive() {
            return alive.get();
        }

        @Override
        public String describe() {
            return "pid 42, REST http://127.0.0.1:8083";
        }

        @Override
        public String lastLines() {
            return "java.lang.OutOfMemoryError: Java heap space";
        }

        @Override
        public void restart() {
            restarted.incrementAndGet();
            alive.set(true);
            answers.set(true);
        }
    };

    private void connectorsCheck() {
        if (!answers.get()) {
            throw new Connectors.WorkerUnreachable("no answer", new UncheckedIOException(new java.net.ConnectException("Connection refused")));
        }
    }

    private WorkerWatch watch(WorkerWatch.Worker w) {
        return new WorkerWatch(w, this::connectorsCheck, awaited::incrementAndGet, term, "state/connect/connect.log", clock::get);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aWorkerThatExitedIsRestartedAndTheConnectorsAwaited() {
        WorkerWatch watch = watch(worker);
        assertFalse(watch.check(), "a healthy worker is left alone");
        alive.set(false);
        answers.set(false);
        assertTrue(watch.check());
        assertEquals(1, restarted.get());
        assertEquals(1, awaited.get(), "both connectors are awaited RUNNING again");
        assertTrue(printed().contains("! The Connect worker this run started (pid 42, REST http://127.0.0.1:8083) has exited."), printed());
        assertTrue(printed().contains("java.lang.OutOfMemoryError"), "its last console lines say why");
        assertTrue(printed().contains("restarting it (1 of at most 3 in this run)"), printed());
        assertTrue(printed().contains("the migration carries on"), printed());
        assertFalse(watch.check());
    }

    @Test
    void aWorkerThatDoesNotAnswerIsGivenTimeThenRestarted() {
        WorkerWatch watch = watch(worker);
        answers.set(false);
        assertFalse(watch.check(), "the first unanswered check only says so");
        assertTrue(printed().contains("REST API does not answer (java.net.ConnectException: Connection refused)"), printed());
        clock.addAndGet(WorkerWatch.UNANSWERED_LIMIT.toNanos() - 1);
        assertFalse(watch.check());
        assertEquals(0, restarted.get());
        clock.addAndGet(1);
        assertTrue(watch.check(), "unanswered for the whole limit: restarted although its process runs");
        assertEquals(1, restarted.get());
        assertTrue(printed().contains("has not answered on its REST API for 30 s"), printed());
    }

    @Test
    void anAnswerAgainEndsTheWait() {
        WorkerWatch watch = watch(worker);
        answers.set(false);
        watch.check();
        answers.set(true);
        assertFalse(watch.check());
        assertTrue(printed().contains("the Connect worker answers again"), printed());
        answers.set(false);
        clock.addAndGet(WorkerWatch.UNANSWERED_LIMIT.toNanos());
        assertFalse(watch.check(), "a new silence starts its own wait");
        assertEquals(0, restarted.get());
    }

    @Test
    void theRestartsAreBoundedAndTheLastFailureSaysHowToContinue() {
        WorkerWatch watch = watch(worker);
        for (int i = 0; i < WorkerWatch.MAX_RESTARTS; i++) {
            alive.set(false);
            assertTrue(watch.check());
        }
        alive.set(false);
        LocalRunException e = assertThrows(LocalRunException.class, watch::check);
        assertEquals(WorkerWatch.MAX_RESTARTS, restarted.get());
        assertTrue(e.getMessage().contains("after 3 restarts in this run; local-run does not restart it again"), e.getMessage());
        assertTrue(e.getMessage().contains("the connectors keep their offsets"), e.getMessage());
        assertTrue(e.getMessage().contains("Fix: find the cause in the worker log state/connect/connect.log; then ./local-run.sh stop "
                + "&& ./local-run.sh starts the run over."), e.getMessage());
    }

    @Test
    void aWorkerTheJobDidNotStartIsNeverRestarted() {
        WorkerWatch watch = watch(null);
        answers.set(false);
        assertThrows(Connectors.WorkerUnreachable.class, watch::check, "the old behaviour: the job ends, saying the REST API does not answer");
        assertEquals(0, restarted.get());
    }
}
