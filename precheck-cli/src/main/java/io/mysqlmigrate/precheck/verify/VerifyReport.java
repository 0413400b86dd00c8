package io.mysqlmigrate.precheck.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Verify's results for people (text, HTML with a per-table summary) and for automation (JSON). */
public final class VerifyReport {

    /** Keys listed per kind of difference and table in text and HTML; JSON lists all. */
    static final int KEYS_SHOWN = 20;

    private VerifyReport() {
    }

    public static String text(List<TableResult> results) {
        StringBuilder out = new StringBuilder();
        for (TableResult r : results) {
            out.append(r.outcome() == TableResult.Outcome.IDENTICAL ? "OK    " : r.outcome() == TableResult.Outcome.FAILED ? "ERROR " : "DIFF  ")
                    .append(r.summary()).append('\n');
            keys(out, "missing on the destination", r.missing());
            keys(out, "extra on the destination", r.extra());
            keys(out, "different", r.different());
        }
        long differing = results.stream().filter(r -> r.outcome().isDifference()).count();
        long failed = results.stream().filter(r -> r.outcome() == TableResult.Outcome.FAILED).count();
        out.append('\n').append(results.size()).append(" tables: ").append(results.size() - differing - failed).append(" identical, ")
                .append(differing).append(" different, ").append(failed).append(" could not be verified\n");
        return out.toString();
    }

    private static void keys(StringBuilder out, String label, List<RowKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        out.append("      ").append(label).append(" (").append(keys.size()).append("): ");
        keys.stream().limit(KEYS_SHOWN).forEach(k -> out.append('(').append(k).append(") "));
        if (keys.size() > KEYS_SHOWN) {
            out.append("and ").append(keys.size() - KEYS_SHOWN).append(" more");
        }
        out.append('\n');
    }

    public static String json(List<TableResult> results) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("exitCode", Verification.exitCode(results));
        ArrayNode tables = root.putArray("tables");
        for (TableResult r : results) {
            ObjectNode t = tables.addObject();
            t.put("source", r.pair().sourceName()).put("destination", r.pair().destinationName()).put("outcome", r.outcome().name())
                    .put("sourceRows", r.sourceRows()).put("destinationRows", r.destinationRows()).put("chunks", r.chunks())
                    .put("millis", r.millis()).put("note", r.note());
            keyArray(t.putArray("missing"), r.missing());
            keyArray(t.putArray("extra"), r.extra());
            keyArray(t.putArray("different"), r.different());
        }
        return root.toPrettyString();
    }

    private static void keyArray(ArrayNode array, List<RowKey> keys) {
        for (RowKey k : keys) {
            ArrayNode key = array.addArray();
            k.values().forEach(v -> key.add(v instanceof byte[] ? k.toString() : String.valueOf(v)));
        }
    }

    public static String html(List<TableResult> results, String title) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title><style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
                        + "padding:3px 8px;text-align:left}td.n{text-align:right}.IDENTICAL{background:#dfd}.FAILED{background:#fec}"
                        + ".DIFFERENT,.MISSING_ON_DESTINATION,.NOT_COMPARABLE{background:#fdd}</style></head><body>\n<h1>")
                .append(esc(title)).append("</h1>\n<p>").append(esc(summaryLine(results)))
                .append("</p>\n<table><tr><th>source table</th><th>destination table</th><th>outcome</th><th>source rows</th>"
                        + "<th>destination rows</th><th>chunks</th><th>missing</th><th>extra</th><th>different</th><th>seconds</th>"
                        + "<th>note</th></tr>\n");
        for (TableResult r : results) {
            h.append("<tr class=\"").append(r.outcome().name()).append("\"><td>").append(esc(r.pair().sourceName())).append("</td><td>")
                    .append(esc(r.pair().destinationName())).append("</td><td>").append(r.outcome().name().toLowerCase().replace('_', ' '))
                    .append("</td><td class=\"n\">").append(r.sourceRows()).append("</td><td class=\"n\">").append(r.destinationRows())
                    .append("</td><td class=\"n\">").append(r.chunks()).append("</td><td class=\"n\">").append(r.missing().size())
                    .append("</td><td class=\"n\">").append(r.extra().size()).append("</td><td class=\"n\">").append(r.different().size())
                    .append("</td><td class=\"n\">").append(String.format("%.1f", r.millis() / 1000.0)).append("</td><td>")
                    .append(r.note() == null ? "" : esc(r.note())).append("</td></tr>\n");
        }
        h.append("</table>\n");
        for (TableResult r : results) {
            if (r.missing().isEmpty() && r.extra().isEmpty() && r.different().isEmpty()) {
                continue;
            }
            h.append("<h2>").append(esc(r.pair().sourceName())).append("</h2>\n<ul>\n");
            htmlKeys(h, "missing on the destination", r.missing());
            htmlKeys(h, "extra on the destination", r.extra());
            htmlKeys(h, "different", r.different());
            h.append("</ul>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private static String summaryLine(List<TableResult> results) {
        String[] lines = text(results).split("\n");
        return lines[lines.length - 1];
    }

    private static void htmlKeys(StringBuilder h, String label, List<RowKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        h.append("<li>").append(esc(label)).append(" (").append(keys.size()).append("): ");
        keys.stream().limit(KEYS_SHOWN).forEach(k -> h.append("<code>(").append(esc(k.toString())).append(")</code> "));
        if (keys.size() > KEYS_SHOWN) {
            h.append("and ").append(keys.size() - KEYS_SHOWN).append(" more");
        }
        h.append("</li>\n");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
