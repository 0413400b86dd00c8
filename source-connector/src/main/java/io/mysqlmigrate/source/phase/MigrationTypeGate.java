package io.mysqlmigrate.source.phase;

import io.mysqlmigrate.source.routing.EventKind;
import java.util.Set;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Keeps out of the topics what the chosen migration types exclude. Debezium always reads the schema (it needs it
 * to decode the binary log), so without {@code schema} the snapshot's DDL is held back and the destination's own
 * tables are used; without {@code incremental} nothing read from the binary log is forwarded, even in the moment
 * between the end of the snapshot and the task stopping its capture.
 */
public final class MigrationTypeGate {

    private final boolean schema;
    private final boolean incremental;

    public MigrationTypeGate(Set<MigrationType> types) {
        this.schema = types.contains(MigrationType.SCHEMA);
        this.incremental = types.contains(MigrationType.INCREMENTAL);
    }

    public boolean passes(SourceRecord record) {
        EventKind kind = EventKind.of(record);
        if (kind == EventKind.OTHER) {
            return true;
        }
        boolean fromSnapshot = SnapshotRecords.isSnapshot(record);
        if (!fromSnapshot && !incremental) {
            return false;
        }
        return schema || !fromSnapshot || kind != EventKind.SCHEMA_CHANGE;
    }
}
