package io.mysqlmigrate.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A Java Flight Recorder recording of the Connect worker over one phase, when the environment variable
 * {@code MYSQLMIGRATE_BENCH_JFR} names a directory: {@code <dir>/<phase>.jfr}, taken with jcmd (profile settings).
 * Without it, nothing is recorded and the benchmark is unchanged.
 */
final class Recording {

    private static final String DIR = System.getenv("MYSQLMIGRATE_BENCH_JFR");

    private final long pid;
    private final String name;
    private boolean stopped;

    private Recording(long pid, String name) {
        this.pid = pid;
        this.name = name;
    }

    static Recording start(long pid, String phase) {
        Recording r = new Recording(pid, "bench-" + phase);
        if (DIR != null) {
            Path file = Path.of(DIR).toAbsolutePath().resolve(phase + ".jfr");
            r.jcmd("JFR.start", "name=" + r.name, "settings=profile", "filename=" + file);
            System.out.print("[recording " + file + "] ");
        }
        return r;
    }

    /** Ends the recording and writes its file; a second call does nothing. */
    void stop() {
        if (DIR != null && !stopped) {
            stopped = true;
            jcmd("JFR.stop", "name=" + name);
        }
    }

    private void jcmd(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
        } catch (IOException e) {
            System.out.print("[jcmd failed: " + e.getMessage() + "] ");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
