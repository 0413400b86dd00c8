package io.mysqlmigrate.precheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Status;
import io.mysqlmigrate.precheck.Words;
import java.util.List;
import java.util.Set;

/** The precheck's results for people (a compact table, then what to do) or for automation (JSON). */
public final class ReportPrinter {

    private ReportPrinter() {
    }

    public static String text(List<CheckResult> results, Set<String> acknowledged, boolean colour) {
        StringBuilder out = new StringBuilder();
        int idWidth = results.stream().mapToInt(r -> r.id().length()).max().orElse(10);
        for (CheckResult r : results) {
            String status = r.status() == Status.WARN && acknowledged.contains(r.id()) ? "ACK " : r.status().name();
            out.append(paint(String.format("%-4s", status), r.status(), colour)).append("  ")
                    .append(String.format("%-" + idWidth + "s", r.id())).append("  ").append(r.found()).append('\n');
        }
        // a FAIL cannot be acknowledged: it stays to fix (with its why and fix) even when --ack names it
        List<CheckResult> toFix = results.stream().filter(r -> r.status() == Status.FAIL
                || (r.status() == Status.WARN && !acknowledged.contains(r.id()))).toList();
        if (!toFix.isEmpty()) {
            out.append('\n');
            for (CheckResult r : toFix) {
                out.append(paint(r.status().name(), r.status(), colour)).append(' ').append(r.id()).append('\n')
                        .append("  why: ").append(r.why()).append('\n')
                        .append("  fix: ").append(r.fix()).append('\n');
                if (r.status() == Status.WARN) {
                    out.append("  or acknowledge it: --ack ").append(r.id()).append('\n');
                }
            }
        }
        long fails = results.stream().filter(r -> r.status() == Status.FAIL).count();
        long warns = toFix.stream().filter(r -> r.status() == Status.WARN).count();
        out.append('\n').append(Words.count(results.size(), "check", "checks")).append(": ").append(fails).append(" failed, ")
                .append(Words.count(warns, "warning", "warnings")).append(" not acknowledged, ").append(results.size() - toFix.size())
                .append(" passed or acknowledged\n");
        return out.toString();
    }

    static String json(List<CheckResult> results, Set<String> acknowledged, boolean passes) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("passed", passes);
        root.put("exitCode", passes ? PrecheckCli.PASSED : PrecheckCli.FAILED);
        ArrayNode checks = root.putArray("checks");
        for (CheckResult r : results) {
            checks.addObject().put("id", r.id()).put("status", r.status().name())
                    .put("acknowledged", r.status() == Status.WARN && acknowledged.contains(r.id())).put("found", r.found()).put("why", r.why()).put("fix", r.fix());
        }
        return root.toPrettyString();
    }

    private static String paint(String text, Status status, boolean colour) {
        if (!colour) {
            return text;
        }
        String code = switch (status) {
            case PASS -> "32";
            case WARN -> "33";
            case FAIL -> "31";
        };
        return "\u001b[" + code + "m" + text + "\u001b[0m";
    }
}
