package io.mysqlmigrate.source.position;

import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * Where the capture will resume: the binary log position Debezium stored in Connect's offsets under its partition
 * {@code {"server": <topic.prefix>}}.
 */
public record StoredPosition(String file, long position, String gtids) {

    public static Map<String, String> debeziumPartition(String topicPrefix) {
        return Map.of("server", topicPrefix);
    }

    /** The stored position, or null before the first commit. */
    public static StoredPosition read(OffsetStorageReader reader, String topicPrefix) {
        if (reader == null) {
            return null;
        }
        Map<String, Object> offset = reader.offset(debeziumPartition(topicPrefix));
        if (offset == null || !(offset.get("file") instanceof String file)) {
            return null;
        }
        Object pos = offset.get("pos");
        Object gtids = offset.get("gtids");
        return new StoredPosition(file, pos instanceof Number n ? n.longValue() : 0L, gtids == null ? null : gtids.toString());
    }

    /** True when the source no longer has this position's file (it was purged); unknown (false) without a file list. */
    public boolean purgedFrom(List<String> binaryLogs) {
        return !binaryLogs.isEmpty() && !binaryLogs.contains(file);
    }

    @Override
    public String toString() {
        return file + ":" + position + (gtids == null || gtids.isEmpty() ? "" : " (GTIDs " + gtids + ")");
    }
}
