package io.mysqlmigrate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs command-line tools (bash pipelines) with their output in a log file, and finds programs on PATH. */
final class Shell {
    private Shell() {
    }

    /** Runs {@code bash -c script} with pipefail; throws with the log's tail when it fails. */
    static void run(String script, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", "set -euo pipefail; " + script)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(2, TimeUnit.HOURS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + script);
            }
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            throw e;
        }
        if (p.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            String tail = String.join("\n    ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
            throw new IOException("exit " + p.exitValue() + " from: " + script + "\n    " + tail);
        }
    }

    /** The program's path when it is on PATH (or in /usr/sbin, /usr/bin), else null. */
    static String which(String program) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/sbin:/usr/local/bin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return Path.of(dir, program).toString();
            }
        }
        return null;
    }

    /** The mariadb client options that reach a private server as root over TCP. */
    static String clientArgs(io.mysqlmigrate.stack.MariaDbServer server) {
        return "--no-defaults --protocol=TCP -h " + server.host() + " -P " + server.port()
                + " -u root --default-character-set=utf8mb4";
    }
}
