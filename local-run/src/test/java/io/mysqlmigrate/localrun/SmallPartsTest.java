package io.mysqlmigrate.localrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.localrun.SinkWatch.TopicProgress;
import io.mysqlmigrate.localrun.StateDirectory.Server;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The delay line, trace shortening, the state directory and the client commands. */
class SmallPartsTest {
    private static final long NOW = 1_800_000_000_000L;

    @TempDir
    Path tmp;

    private static Map<String, TopicProgress> progress(TopicProgress... topics) {
        Map<String, TopicProgress> map = new LinkedHashMap<>();
        for (TopicProgress t : topics) {
            map.put(t.topic(), t);
        }
        return map;
    }

    @Test
    void delayLine() {
        assertEquals("delay 0.7 s, 0 events pending", ProgressLines.delayLine(progress(
                new TopicProgress("demo.shop", 100, "incremental", NOW - 700, null, 100)), NOW));
        assertEquals("delay 3.0 s, 12 events pending", ProgressLines.delayLine(progress(
                new TopicProgress("demo.a", 100, "incremental", NOW - 3000, null, 112),
                new TopicProgress("demo.b", 10, "incremental", NOW - 60_000, null, 10)), NOW),
                "an idle topic that is caught up does not count as delay");
        assertEquals("caught up, 0 events pending; no change on the source for 14.0 s", ProgressLines.delayLine(progress(
                new TopicProgress("demo.a", 100, "incremental", NOW - 14_000, null, 100)), NOW));
        assertEquals("(snapshot phase) caught up, 0 events pending; no change on the source for 20.0 s",
                ProgressLines.delayLine(progress(new TopicProgress("demo.a", 100, "snapshot", NOW - 20_000, null, 100)), NOW));
        assertEquals("(snapshot phase) no event applied yet, ? events pending", ProgressLines.delayLine(progress(
                new TopicProgress("demo.a", 0, null, 0, null, -1)), NOW));
        assertEquals("delay 1.0 s, 1 event pending", ProgressLines.delayLine(progress(
                new TopicProgress("demo.a", 9, "incremental", NOW - 1000, null, 10)), NOW));
    }

    @Test
    void tracesAreCutToTheirHeadlinesAndFirstFrames() {
        String trace = "org.x.Boom: outer\n\tat a.b(C.java:1)\n\tat a.c(C.java:2)\n\tat a.d(C.java:3)\n"
                + "Caused by: java.sql.SQLException: inner\n\tat e.f(G.java:1)\n\t... 5 more\n\t... 6 more";
        assertEquals("org.x.Boom: outer\n\tat a.b(C.java:1)\n\tat a.c(C.java:2)\n"
                + "Caused by: java.sql.SQLException: inner\n\tat e.f(G.java:1)\n\t... 5 more\n"
                + "\t(2 more frames; run with --verbose for all)", Connectors.shortenTrace(trace));
        assertEquals("(no trace)", Connectors.shortenTrace(null));
    }

    @Test
    void onlyAnEmptyOrOwnStateDirectoryIsCleared() throws Exception {
        StateDirectory fresh = new StateDirectory(tmp.resolve("new"));
        assertTrue(fresh.isOursOrEmpty());
        fresh.clear();
        fresh.create();
        fresh.writeRecord(Map.of("name", "demo"));
        Files.createDirectories(fresh.dir(Server.SOURCE).resolve("data"));
        Files.writeString(fresh.dir(Server.SOURCE).resolve("data").resolve("x"), "x");
        assertTrue(fresh.isOursOrEmpty());
        fresh.clear();
        assertFalse(Files.exists(fresh.root()));

        Path foreign = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(foreign.resolve("precious.txt"), "keep me");
        StateDirectory state = new StateDirectory(foreign);
        assertFalse(state.isOursOrEmpty());
        assertThrows(LocalRunException.class, state::clear);
        assertTrue(Files.exists(foreign.resolve("precious.txt")));
    }

    @Test
    void theRunRecordRoundTrips() {
        StateDirectory state = new StateDirectory(tmp);
        state.writeRecord(Map.of("rest.url", "http://127.0.0.1:8083", "databases", "a,b"));
        state.updateRecord(Map.of("topics", "demo.a,demo.b"));
        Map<String, String> record = state.readRecord();
        assertEquals("http://127.0.0.1:8083", record.get("rest.url"));
        assertEquals("a,b", record.get("databases"));
        assertEquals("demo.a,demo.b", record.get("topics"));
    }

    @Test
    void aRecordedProcessIsAliveOnlyWithItsStartTime() throws Exception {
        StateDirectory state = new StateDirectory(tmp);
        Path dir = Files.createDirectories(state.dir(Server.WORKER));
        assertTrue(state.recordedProcess(Server.WORKER).isEmpty());
        ProcessHandle self = ProcessHandle.current();
        Files.writeString(dir.resolve("pid"), self.pid() + "\n");
        Files.writeString(dir.resolve("instance.properties"), "kind=connect-worker\nprocess.start="
                + self.info().startInstant().orElseThrow().toString().replace(":", "\\:") + "\n");
        assertEquals(self.pid(), state.recordedProcess(Server.WORKER).orElseThrow().pid());
        Files.writeString(dir.resolve("instance.properties"), "process.start=2001-01-01T00\\:00\\:00Z\n");
        assertTrue(state.recordedProcess(Server.WORKER).isEmpty(), "a recycled pid is not ours");
        assertTrue(state.unrecordedProcesses(Server.WORKER).isEmpty());
    }

    @Test
    void clientCommandsShowOnlyTheDemoPassword() {
        assertEquals("mariadb -h127.0.0.1 -P4000 -umigrate -pmigrate shop", LookAround.clientCommand(
                new Endpoint("source", "127.0.0.1", 4000, "migrate", "migrate", true), "shop"));
        assertEquals("mariadb -h127.0.0.1 -P3307 -uapp -p shop", LookAround.clientCommand(
                new Endpoint("destination", "localhost", 3307, "app", "secret", false), "shop"));
    }

    @Test
    void stopWithoutAStateDirectorySucceeds() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = LocalRun.execute(new String[] {"stop", "--state-dir", tmp.resolve("none").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Nothing is running"), out.toString());
    }

    @Test
    void formats() {
        assertEquals("17,200", Format.count(17_200));
        assertEquals("0.42 s", Format.seconds(420_000_000L));
        assertEquals("12.4 s", Format.seconds(12_400_000_000L));
        assertEquals("8,600", Format.rate(17_200, 2_000_000_000L));
        assertEquals(".local-run/connect/connect.log",
                Format.path(Path.of("/p"), Path.of("/p/.local-run/connect/connect.log")));
        assertEquals("/elsewhere/x", Format.path(Path.of("/p"), Path.of("/elsewhere/x")));
        assertEquals("abc  ", Format.fit("abc", 5));
        assertEquals("abcd…", Format.fit("abcdefgh", 5));
        assertEquals(List.of(), List.of());
    }

    @Test
    void aSinkTaskRetryingShowsAsOneClausePerTaskAndNothingOtherwise() {
        io.mysqlmigrate.sink.retry.RetryEpisode episode = new io.mysqlmigrate.sink.retry.RetryEpisode(
                io.mysqlmigrate.sink.retry.FailureKind.OTHER, "Data too long for column 'v' at row 1\n\tat x",
                java.time.Instant.parse("2026-12-07T05:00:00Z"), java.time.Instant.parse("2026-12-07T05:10:00Z"), 3, "retry.other.minutes");
        assertEquals("sink task 1 retrying since 2026-12-07T05:00:00Z (attempt 3, other failure; gives up at 2026-12-07T05:10:00Z "
                + "by retry.other.minutes): Data too long for column 'v' at row 1", ProgressLines.retryNotice(Map.of(1, episode)));
        assertEquals("", ProgressLines.retryNotice(Map.of()));
    }
}
