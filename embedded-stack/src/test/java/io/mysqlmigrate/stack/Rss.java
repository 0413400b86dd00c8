package io.mysqlmigrate.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident set size of a process, from /proc, for the measurements the tests print. */
final class Rss {
    private Rss() {
    }

    static String of(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return (kb / 1024) + " MiB";
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or gone
        }
        return "?";
    }
}
