package io.mysqlmigrate.source.phase;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * The record that ends a migration without incremental: written, after every snapshot record, to the migration's
 * status topic {@code _mysql_migrate.<prefix>.status} (outside the database topics, so no sink or other consumer
 * mistakes it for a change). Its source offset, stored by Connect like any other, is what marks the migration
 * completed: {@code GET /connectors/<name>/offsets} shows it, and a restarted task reads it and does not snapshot
 * again.
 */
public final class CompletionMarker {

    /** Key of the marker's source partition, whose value is the topic prefix; the operator CLI's status reads these. */
    public static final String PARTITION_KEY = "mysqlmigrate.migration";
    public static final String PHASE = "phase";
    public static final String COMPLETED = "completed";

    private static final Schema VALUE_SCHEMA = SchemaBuilder.struct().name("io.mysqlmigrate.source.MigrationStatus")
            .field("phase", Schema.STRING_SCHEMA)
            .field("migration_types", Schema.STRING_SCHEMA)
            .field("completed_at", Schema.STRING_SCHEMA)
            .build();

    private CompletionMarker() {
    }

    public static Map<String, String> partition(String topicPrefix) {
        return Map.of(PARTITION_KEY, topicPrefix);
    }

    public static String topic(String topicPrefix) {
        return "_mysql_migrate." + topicPrefix + ".status";
    }

    public static SourceRecord record(String topicPrefix, Set<MigrationType> types, Instant at) {
        String described = MigrationType.describe(types);
        Map<String, String> offset = Map.of(PHASE, COMPLETED, "migration.types", described, "completed.at", at.toString());
        Struct value = new Struct(VALUE_SCHEMA).put("phase", COMPLETED).put("migration_types", described)
                .put("completed_at", at.toString());
        return new SourceRecord(partition(topicPrefix), offset, topic(topicPrefix), 0, Schema.STRING_SCHEMA, topicPrefix,
                VALUE_SCHEMA, value, at.toEpochMilli());
    }

    public static boolean isMarker(SourceRecord record) {
        return record.sourcePartition() != null && record.sourcePartition().containsKey(PARTITION_KEY);
    }

    static final String ONLINE_DDL_PARTITION_KEY = "mysqlmigrate.onlineddl";
    private static final Schema STATE_SCHEMA = SchemaBuilder.struct().name("io.mysqlmigrate.source.OnlineDdlState")
            .field("pending_alters", Schema.STRING_SCHEMA).build();

    /**
     * The held ALTERs of online schema changes, stored as a source offset of their own (written to the same status
     * topic), so a restarted task still replays them at the swap.
     */
    public static SourceRecord onlineDdlState(String topicPrefix, String encodedPending) {
        return new SourceRecord(Map.of(ONLINE_DDL_PARTITION_KEY, topicPrefix), Map.of("pending.alters", encodedPending), topic(topicPrefix),
                0, Schema.STRING_SCHEMA, topicPrefix + ".onlineddl", STATE_SCHEMA, new Struct(STATE_SCHEMA).put("pending_alters", encodedPending));
    }

    public static String storedOnlineDdlState(OffsetStorageReader reader, String topicPrefix) {
        if (reader == null) {
            return null;
        }
        Map<String, Object> offset = reader.offset(Map.of(ONLINE_DDL_PARTITION_KEY, topicPrefix));
        return offset == null ? null : (String) offset.get("pending.alters");
    }

    public static boolean isOwnRecord(SourceRecord record) {
        return record.sourcePartition() != null && (record.sourcePartition().containsKey(PARTITION_KEY)
                || record.sourcePartition().containsKey(ONLINE_DDL_PARTITION_KEY));
    }

    /** True when an earlier run of this migration already completed (its marker's offset is stored). */
    public static boolean alreadyCompleted(OffsetStorageReader reader, String topicPrefix) {
        if (reader == null) {
            return false;
        }
        Map<String, Object> offset = reader.offset(partition(topicPrefix));
        return offset != null && COMPLETED.equals(offset.get(PHASE));
    }
}
