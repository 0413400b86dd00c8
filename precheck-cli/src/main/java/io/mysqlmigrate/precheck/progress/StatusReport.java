package io.mysqlmigrate.precheck.progress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** A migration's status for people (text with progress bars) or monitoring (JSON). */
public final class StatusReport {

    static final int TRACE_LINES = 5;
    private static final int BAR = 24;

    private StatusReport() {
    }

    public static String text(MigrationStatus s) {
        StringBuilder out = new StringBuilder();
        out.append("migration ").append(s.migration()).append(" (").append(s.migrationTypes()).append("): ")
                .append(s.phase().name().toLowerCase().replace('_', ' '));
        if (s.delayMs() != null) {
            out.append(", delay ").append(s.delayMs()).append(" ms").append(s.delayExact() ? "" : " (last apply's lag)");
        }
        out.append("   [").append(s.at()).append("]\n");
        for (ConnectorState c : List.of(s.source(), s.sink())) {
            out.append("  ").append(c.name()).append(": ");
            if (!c.registered()) {
                out.append("not registered\n");
                continue;
            }
            out.append(c.state());
            c.tasks().stream().filter(t -> t.id() >= 0)
                    .forEach(t -> out.append(", task ").append(t.id()).append(' ').append(t.state()));
            if (c == s.source() && s.binlog() != null) {
                out.append(", ").append(s.binlog().describe());
            }
            out.append('\n');
        }
        s.retrying().forEach((task, episode) -> out.append("  RETRYING ").append(s.sink().name()).append(" task ").append(task)
                .append(": ").append(episode.describe()).append('\n'));
        for (MigrationStatus.PartitionView p : s.partitions()) {
            out.append("  ").append(p.topic()).append('/').append(p.partition()).append(": ").append(p.phase() == null ? "-" : p.phase())
                    .append(", applied up to offset ").append(p.nextOffset());
            if (p.endOffset() != null) {
                out.append(" of ").append(p.endOffset()).append(" (").append(p.behind()).append(" behind)");
            }
            if (p.sourceTsMs() > 0) {
                out.append(", last change from ").append(Instant.ofEpochMilli(p.sourceTsMs()));
            }
            out.append('\n');
        }
        if (!s.tables().isEmpty()) {
            int width = s.tables().stream().mapToInt(t -> t.source().length()).max().orElse(10);
            for (MigrationStatus.TableProgress t : s.tables()) {
                int filled = (int) Math.round(t.fraction() * BAR);
                out.append("  ").append(String.format("%-" + width + "s", t.source())).append(" [").append("#".repeat(filled))
                        .append("-".repeat(BAR - filled)).append("] ").append(String.format("%3d%%", Math.round(t.fraction() * 100)))
                        .append(' ').append(t.rowsDone()).append(t.doneExact() ? "" : "~").append(" / ~").append(t.rowsEstimated())
                        .append(" rows");
                if (t.rowsPerSecond() != null) {
                    out.append(String.format(", %.0f rows/s", t.rowsPerSecond()));
                }
                if (t.etaSeconds() != null) {
                    out.append(", ETA ").append(t.etaSeconds()).append(" s");
                }
                out.append('\n');
            }
        }
        for (ConnectorState c : List.of(s.source(), s.sink())) {
            for (ConnectorState.Task t : c.failedTasks()) {
                out.append("FAILED ").append(c.name()).append(t.id() < 0 ? " (the connector)" : " task " + t.id()).append(":\n");
                TaskAdvice.head(t.trace(), TRACE_LINES).forEach(l -> out.append("    ").append(l).append('\n'));
                out.append("  likely fix: ").append(TaskAdvice.likelyFix(t.trace(), c.name())).append('\n');
            }
        }
        s.notes().forEach(n -> out.append("  note: ").append(n).append('\n'));
        return out.toString();
    }

    public static String json(MigrationStatus s, Long maxDelayMs) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("at", s.at().toString()).put("migration", s.migration()).put("migrationTypes", s.migrationTypes())
                .put("phase", s.phase().name()).put("delayMs", s.delayMs()).put("delayExact", s.delayExact())
                .put("exitCode", s.exitCode(maxDelayMs));
        ArrayNode connectors = root.putArray("connectors");
        for (ConnectorState c : List.of(s.source(), s.sink())) {
            ObjectNode cn = connectors.addObject().put("name", c.name()).put("state", c.state());
            ArrayNode tasks = cn.putArray("tasks");
            for (ConnectorState.Task t : c.tasks()) {
                ObjectNode tn = tasks.addObject().put("id", t.id()).put("state", t.state()).put("worker", t.workerId());
                if (t.trace() != null) {
                    ArrayNode lines = tn.putArray("trace");
                    TaskAdvice.head(t.trace(), TRACE_LINES).forEach(lines::add);
                    tn.put("likelyFix", TaskAdvice.likelyFix(t.trace(), c.name()));
                }
            }
        }
        if (s.binlog() != null) {
            root.putObject("sourceBinlog").put("state", s.binlog().state().name()).put("connected", !s.binlog().disconnected()
                    && s.binlog().state() != io.mysqlmigrate.source.metrics.BinlogConnection.NOT_STREAMING)
                    .put("disconnectedSeconds", s.binlog().disconnectedSeconds()).put("reconnects", s.binlog().reconnects());
        }
        ArrayNode retrying = root.putArray("retrying");
        s.retrying().forEach((task, e) -> retrying.addObject().put("connector", s.sink().name()).put("task", task)
                .put("kind", e.kind().name()).put("failure", e.failure()).put("since", e.since().toString())
                .put("windowEnd", e.windowEnd().toString()).put("attempts", e.attempts()).put("setting", e.setting()));
        ArrayNode partitions = root.putArray("partitions");
        for (MigrationStatus.PartitionView p : s.partitions()) {
            partitions.addObject().put("topic", p.topic()).put("partition", p.partition()).put("phase", p.phase())
                    .put("nextOffset", p.nextOffset()).put("endOffset", p.endOffset()).put("behind", p.behind())
                    .put("lastSourceTsMs", p.sourceTsMs()).put("sourcePosition", p.sourcePosition());
        }
        ArrayNode tables = root.putArray("tables");
        for (MigrationStatus.TableProgress t : s.tables()) {
            tables.addObject().put("source", t.source()).put("destination", t.destination()).put("rowsDone", t.rowsDone())
                    .put("rowsDoneExact", t.doneExact()).put("rowsEstimated", t.rowsEstimated()).put("rowsPerSecond", t.rowsPerSecond())
                    .put("etaSeconds", t.etaSeconds());
        }
        ArrayNode notes = root.putArray("notes");
        s.notes().forEach(notes::add);
        return root.toString();
    }
}
