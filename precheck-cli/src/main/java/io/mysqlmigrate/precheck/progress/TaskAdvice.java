package io.mysqlmigrate.precheck.progress;

import io.mysqlmigrate.source.MigrationSourceConfig;
import java.util.List;
import java.util.Locale;

/** The likely fix for a failed task, recognised from its trace; a pointer to the full trace otherwise. */
public final class TaskAdvice {

    private record Rule(List<String> signs, String fix) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(List.of("lostpositionexception", "could not find first log file", "error code: 1236", "purged binary log"),
                    "The binary log position the task resumes from is gone from the source. Set "
                            + MigrationSourceConfig.LOST_POSITION_ACTION + "=snapshot to start over with a fresh snapshot, and "
                            + "keep binary logs longer on the source."),
            new Rule(List.of("access denied"), "An account is refused: check the user and password in the connector's settings and "
                    + "its privileges (the precheck on the same files lists what is missing)."),
            new Rule(List.of("communications link failure", "connection refused", "unknownhostexception"),
                    "A server cannot be reached: check the host and port in the connector's settings and that the server runs."),
            new Rule(List.of("packet for query is too large", "max_allowed_packet"),
                    "A row is larger than the destination's max_allowed_packet: raise it (SET GLOBAL max_allowed_packet) and "
                            + "restart the task."),
            new Rule(List.of("recordtoolargeexception", "message is larger than", "max.request.size"),
                    "A change event is larger than Kafka accepts: raise the producer's max.request.size (producer.override.) "
                            + "and the broker's message.max.bytes together."),
            new Rule(List.of("unknown column", "doesn't exist", "unknown table"),
                    "The destination's tables do not match the source's: compare them (verify), fix the destination, and "
                            + "restart the task."));

    private TaskAdvice() {
    }

    public static String likelyFix(String trace, String connector) {
        String t = trace == null ? "" : trace.toLowerCase(Locale.ROOT);
        for (Rule rule : RULES) {
            if (rule.signs().stream().anyMatch(t::contains)) {
                return rule.fix();
            }
        }
        return "Read the whole trace (GET /connectors/" + connector + "/status), fix its cause, then restart the task "
                + "(POST /connectors/" + connector + "/tasks/<id>/restart).";
    }

    /** The first lines of a trace. */
    public static List<String> head(String trace, int lines) {
        return trace == null ? List.of() : trace.lines().limit(lines).toList();
    }
}
