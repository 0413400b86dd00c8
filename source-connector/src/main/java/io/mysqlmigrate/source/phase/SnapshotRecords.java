package io.mysqlmigrate.source.phase;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/** Tells records of Debezium's snapshot from records read from the binary log, by their {@code source.snapshot} field. */
public final class SnapshotRecords {

    private SnapshotRecords() {
    }

    /**
     * True for rows and DDL that the snapshot produced. Debezium marks them "true", "first", "last",
     * "first_in_data_collection" or "last_in_data_collection"; streamed events carry "false" or no marker, and
     * "incremental" belongs to ad-hoc incremental snapshots, which run alongside the stream.
     */
    public static boolean isSnapshot(SourceRecord record) {
        if (!(record.value() instanceof Struct value) || value.schema().field("source") == null) {
            return false;
        }
        Struct source = value.getStruct("source");
        if (source == null || source.schema().field("snapshot") == null) {
            return false;
        }
        Object marker = source.get("snapshot");
        if (marker == null) {
            return false;
        }
        String text = marker.toString();
        return !text.equals("false") && !text.equals("incremental");
    }
}
