package io.mysqlmigrate.source.phase;

import java.time.Instant;
import java.util.Set;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * Where a migration without incremental stands on its way to the end: its {@link CompletionMarker} not sent yet,
 * sent, or committed by Connect (only then may the task stop reading the source). A migration with incremental never
 * ends here. The marker and the online schema change state are the task's own records: Debezium never hears of them.
 */
public final class CompletionTracker {

    private final Set<MigrationType> types;
    private final String topicPrefix;
    private final boolean finishes;
    private boolean markerSent;
    private volatile boolean markerCommitted;

    public CompletionTracker(Set<MigrationType> types, String topicPrefix) {
        this.types = types;
        this.topicPrefix = topicPrefix;
        this.finishes = !types.contains(MigrationType.INCREMENTAL);
    }

    /** True for a migration without incremental: it ends once the snapshot is in Kafka. */
    public boolean finishes() {
        return finishes;
    }

    /** True when an earlier run of this migration completed; then it counts as sent and committed, and nothing is read. */
    public boolean completedEarlier(OffsetStorageReader offsets) {
        if (finishes && CompletionMarker.alreadyCompleted(offsets, topicPrefix)) {
            markerSent = true;
            markerCommitted = true;
            return true;
        }
        return false;
    }

    /** The marker, to send after every snapshot record; from now on the task forwards nothing more. */
    public SourceRecord marker(Instant at) {
        markerSent = true;
        return CompletionMarker.record(topicPrefix, types, at);
    }

    public boolean markerSent() {
        return markerSent;
    }

    /** True once Connect has committed the marker: the migration is complete. */
    public boolean markerCommitted() {
        return markerCommitted;
    }

    /**
     * Notes a record Connect has committed; true when it was one of the task's own (the marker or the online schema
     * change state), which the capture must not hear of.
     */
    public boolean committedOwnRecord(SourceRecord record) {
        if (CompletionMarker.isMarker(record)) {
            markerCommitted = true;
            return true;
        }
        return CompletionMarker.isOwnRecord(record);
    }
}
