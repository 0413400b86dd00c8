package io.mysqlmigrate.source;

import io.mysqlmigrate.dialect.CharsetDefaults;
import io.mysqlmigrate.source.capture.SnapshotDefinitions;
import io.mysqlmigrate.source.heartbeat.HeartbeatTable;
import io.mysqlmigrate.source.metrics.SourceTaskMetrics;
import io.mysqlmigrate.source.objects.ObjectMigration;
import io.mysqlmigrate.source.onlineddl.OnlineSchemaChanges;
import io.mysqlmigrate.source.phase.CompletionMarker;
import io.mysqlmigrate.source.phase.MigrationPhase;
import io.mysqlmigrate.source.phase.MigrationTypeGate;
import io.mysqlmigrate.source.phase.SnapshotRecords;
import io.mysqlmigrate.source.routing.DatabaseTopicRouter;
import io.mysqlmigrate.source.routing.EventKind;
import io.mysqlmigrate.source.selection.RecordSelection;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The way of a batch Debezium captured to the topics, step by step: the heartbeat's own changes are taken out (their
 * beat measures the delay), then what the migration types exclude; a snapshot's CREATE TABLE gets back its versioned
 * clauses and every schema change the source's default collations; online schema changes are rewritten; the
 * operation and row filters select; what is left is routed into one topic per database, followed, when held ALTERs
 * changed, by their new state.
 */
final class RecordPipeline {

    private final HeartbeatTable heartbeat;
    private final MigrationTypeGate gate;
    private final SnapshotDefinitions snapshotDefinitions;
    private final String charsetDefaults;
    private final OnlineSchemaChanges onlineSchemaChanges;
    private final RecordSelection selection;
    private final ObjectMigration objects;
    private final DatabaseTopicRouter router;
    private final SourceTaskMetrics metrics;
    private final String topicPrefix;

    /**
     * @param heartbeat       the heartbeat table, or null without heartbeats
     * @param charsetDefaults the source's default collation of each character set, encoded; sent with every schema change
     */
    RecordPipeline(HeartbeatTable heartbeat, MigrationTypeGate gate, SnapshotDefinitions snapshotDefinitions, String charsetDefaults,
                   OnlineSchemaChanges onlineSchemaChanges, RecordSelection selection, ObjectMigration objects,
                   DatabaseTopicRouter router, SourceTaskMetrics metrics, String topicPrefix) {
        this.heartbeat = heartbeat;
        this.gate = gate;
        this.snapshotDefinitions = snapshotDefinitions;
        this.charsetDefaults = charsetDefaults;
        this.onlineSchemaChanges = onlineSchemaChanges;
        this.selection = selection;
        this.objects = objects;
        this.router = router;
        this.metrics = metrics;
        this.topicPrefix = topicPrefix;
    }

    /** The records for the topics from a non-empty batch of Debezium's. */
    List<SourceRecord> process(List<SourceRecord> raw) {
        List<SourceRecord> kept = new ArrayList<>(raw.size());
        for (SourceRecord r : raw) {
            if (heartbeat != null && heartbeat.isAbout(r)) {
                Long beat = SnapshotRecords.isSnapshot(r) ? null : heartbeat.beatMicros(r);
                if (beat != null) {
                    metrics.delayMillis(System.currentTimeMillis() - beat / 1000);
                }
                continue;
            }
            if (!gate.passes(r)) {
                continue;
            }
            if (EventKind.of(r) == EventKind.SCHEMA_CHANGE) {
                r = snapshotDefinitions.restore(r, SnapshotRecords.isSnapshot(r));
                if (charsetDefaults != null) {
                    r.headers().addString(CharsetDefaults.HEADER, charsetDefaults);
                }
            }
            for (SourceRecord changed : onlineSchemaChanges.handle(r, EventKind.of(r))) {
                SourceRecord selected = selection.select(changed);
                if (selected != null) {
                    kept.add(selected);
                    observe(selected);
                    objects.observe(selected);
                }
            }
        }
        metrics.filtered(Math.max(0, raw.size() - kept.size()));
        List<SourceRecord> out = new ArrayList<>(router.route(kept));
        if (onlineSchemaChanges.pending().takeChanged()) {
            out.add(CompletionMarker.onlineDdlState(topicPrefix, onlineSchemaChanges.pending().encode()));
        }
        return out;
    }

    /** Phase and delay from a forwarded record: the first streamed change moves the task to INCREMENTAL. */
    private void observe(SourceRecord r) {
        EventKind kind = EventKind.of(r);
        if (kind != EventKind.ROW_CHANGE && kind != EventKind.SCHEMA_CHANGE) {
            return;
        }
        if (SnapshotRecords.isSnapshot(r)) {
            return;
        }
        if (metrics.phase() == MigrationPhase.SNAPSHOT) {
            metrics.phase(MigrationPhase.INCREMENTAL);
        }
        Struct source = ((Struct) r.value()).getStruct("source");
        Object ts = source == null || source.schema().field("ts_ms") == null ? null : source.get("ts_ms");
        if (heartbeat == null && ts instanceof Long committedAt) {
            metrics.delayMillis(System.currentTimeMillis() - committedAt);
        }
    }
}
