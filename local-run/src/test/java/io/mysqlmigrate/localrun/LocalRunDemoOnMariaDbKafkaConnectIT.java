package io.mysqlmigrate.localrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.localrun.StateDirectory.Server;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole main job, as {@code ./local-run.sh} runs it, in this JVM: private source and destination MariaDB, a
 * KRaft broker and a Connect worker started detached under a temporary state directory, the demo database, both
 * connectors registered through the REST API from config/embedded/, the full load, live changes, and the final
 * comparison; then {@code stop}, after which no process of the run may be left.
 */
class LocalRunDemoOnMariaDbKafkaConnectIT {

    @TempDir
    Path tmp;

    private Path stateDir;

    private record Result(int exitCode, String out, String err) {
    }

    private static Result run(String... args) {
        Tee out = new Tee(System.out);
        Tee err = new Tee(System.err);
        int code = LocalRun.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.text(), err.text());
    }

    @AfterEach
    void stopWhatIsLeft() {
        if (stateDir != null) {
            run("stop", "--state-dir", stateDir.toString());
        }
    }

    @Test
    void theDemoMigratesVerifiesAndStops() {
        stateDir = tmp.resolve("state");
        long started = System.nanoTime();
        Result start = run("--state-dir", stateDir.toString(), "--live-seconds", "4");
        assertEquals(0, start.exitCode(), "exit code of the main job; stderr:\n" + start.err());
        assertEquals("", start.err(), "nothing on stderr");

        String out = start.out();
        for (String server : List.of("source MariaDB", "destination MariaDB", "Kafka broker", "Connect worker")) {
            assertTrue(Pattern.compile("(?m)^  " + server + " +\\S+ +ready in ").matcher(out).find(), server);
        }
        assertTrue(out.contains("Precheck (the checks of precheck-cli") && out.contains(" checks: 0 failed,"),
                "the precheck ran before the connectors were registered, and nothing failed");
        assertTrue(out.indexOf(" checks: 0 failed,") < out.indexOf("both RUNNING after"), "precheck first");
        assertTrue(out.contains("both RUNNING after"), "connectors registered and running");
        assertTrue(out.contains("full load complete: 17,200 rows"), "the full load");
        Matcher arrivals = Pattern.compile("(?m)→ arrived in \\d+\\.\\d+ s$").matcher(out);
        int count = 0;
        while (arrivals.find()) {
            count++;
        }
        assertEquals(5, count, "each explicit change reached the destination");

        // The comparison step ran and found every table identical.
        int verification = out.indexOf("\nVerification");
        assertTrue(verification > 0, "the comparison step ran");
        List<String> compared = new ArrayList<>();
        Matcher line = Pattern.compile("(?m)^  ✓ (shop\\.\\w+): identical \\(\\d+ rows\\)$").matcher(out);
        while (line.find()) {
            compared.add(line.group(1));
        }
        assertEquals(List.of("shop.customers", "shop.events", "shop.order_lines", "shop.orders"), compared);
        assertTrue(out.contains("RESULT: all 4 tables identical on source and destination"), "the verdict");
        assertFalse(out.contains("✗"), "no failure marks");
        assertTrue(out.contains("./local-run.sh stop"), "how to stop");
        assertTrue(out.contains("  acknowledged for the demo: source.sql_mode.zero_dates (the demo's server allows zero dates)"),
                "the demo's own warning is acknowledged visibly");
        assertTrue(Pattern.compile("(?m)^  Operator tool \\S*bin/mysql-migrate status --connect-url http://\\S+ --source-connector "
                + "\\S+ --sink-connector \\S+$").matcher(out).find(), "the operator's command lines for this stack");

        // Detached: everything still runs after the command returned.
        StateDirectory state = new StateDirectory(stateDir);
        List<ProcessHandle> processes = new ArrayList<>();
        for (Server server : Server.values()) {
            ProcessHandle process = state.recordedProcess(server).orElseThrow(() -> new AssertionError(
                    server.title + " is not running after the main job"));
            processes.add(process);
        }
        Result status = run("status", "--state-dir", stateDir.toString());
        assertEquals(0, status.exitCode(), status.out() + status.err());
        assertTrue(status.out().contains("incremental"), status.out());

        // The operator's tool by connector name against this stack, as 'Look around' shows it; after its cutover,
        // status says why the connectors are gone and is healthy.
        java.util.Map<String, String> record = state.readRecord();
        int cutover = io.mysqlmigrate.precheck.cli.OperatorCli.commandLine().execute("cutover", "--connect-url",
                record.get("rest.url"), "--source-connector", record.get("connector.source"), "--sink-connector",
                record.get("connector.sink"), "--set-source-read-only", "--timeout-seconds", "120");
        assertEquals(0, cutover, "mysql-migrate cutover by connector name");
        Result afterCutover = run("status", "--state-dir", stateDir.toString());
        assertEquals(0, afterCutover.exitCode(), afterCutover.out() + afterCutover.err());
        assertTrue(afterCutover.out().contains("none: mysql-migrate cutover removed " + record.get("connector.source") + " and "
                + record.get("connector.sink") + " at "), afterCutover.out());

        Result stop = run("stop", "--state-dir", stateDir.toString());
        assertEquals(0, stop.exitCode(), stop.out() + stop.err());
        assertTrue(stop.out().contains("Stopped 4 servers."), stop.out());
        for (ProcessHandle process : processes) {
            assertFalse(process.isAlive(), "pid " + process.pid() + " is gone");
        }
        for (Server server : Server.values()) {
            assertTrue(state.liveProcesses(server).isEmpty(), server.title);
        }
        Result again = run("stop", "--state-dir", stateDir.toString());
        assertEquals(0, again.exitCode(), "stop with nothing running succeeds");
        assertTrue(again.out().contains("Nothing was running."), again.out());
        System.out.printf("main job, status and stop took %.1f s%n", (System.nanoTime() - started) / 1e9);
    }
}
