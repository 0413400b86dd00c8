package io.mysqlmigrate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * CPU seconds (user + system) that each server of the private stack spent over one contender's run, read from
 * {@code /proc/<pid>/stat}: on a machine where everything shares two cores, this says which process a pipeline's time
 * went to, beside its wall time. Processes that are not running, or a system without /proc, read as absent.
 */
final class ProcessCpu {

    /** Linux reports utime and stime in clock ticks; USER_HZ is 100 on every kernel this bench runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Long> pids;
    private final Map<String, Long> startTicks;

    private ProcessCpu(Map<String, Long> pids) {
        this.pids = pids;
        this.startTicks = read(pids);
    }

    /** Starts counting for the stack's worker, broker, source and destination. */
    static ProcessCpu start(BenchStack stack) {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("worker", stack.worker().pid());
        pids.put("broker", stack.broker().pid());
        pids.put("source", stack.source().pid());
        pids.put("destination", stack.destination().pid());
        return new ProcessCpu(pids);
    }

    /** CPU seconds per process since {@link #start}, e.g. {@code worker 61.2, broker 9.8, source 4.1, destination 12.0}. */
    String since() {
        Map<String, Long> now = read(pids);
        StringJoiner out = new StringJoiner(", ");
        for (Map.Entry<String, Long> e : now.entrySet()) {
            Long before = startTicks.get(e.getKey());
            if (before != null) {
                out.add(String.format(Locale.US, "%s %.1f", e.getKey(), (e.getValue() - before) / TICKS_PER_SECOND));
            }
        }
        return out.toString();
    }

    private static Map<String, Long> read(Map<String, Long> pids) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            Long t = ticks(pid);
            if (t != null) {
                ticks.put(name, t);
            }
        });
        return ticks;
    }

    /** utime + stime of a process, or null when it cannot be read. */
    static Long ticks(long pid) {
        try {
            return parseTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Fields 14 and 15 of a stat line. The second field (the command name, in parentheses) may itself hold spaces and
     * parentheses, so counting starts after its last closing parenthesis.
     */
    static long parseTicks(String stat) {
        String[] rest = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // rest[0] is field 3 (state): utime is field 14, stime field 15.
        return Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
    }
}
