package io.mysqlmigrate.sink.buffer;

import io.mysqlmigrate.sink.event.RecordOrigin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/** One call's records: per partition, all in order (with those held before) and what is applied now. */
public final class Batch {

    private final Map<TopicPartition, List<SinkRecord>> ordered = new LinkedHashMap<>();
    private final Map<TopicPartition, List<SinkRecord>> toApply = new LinkedHashMap<>();
    /** The partition the apply thread works on, for messages about a failure. */
    private volatile TopicPartition current;

    void add(TopicPartition tp, List<SinkRecord> all, List<SinkRecord> now) {
        ordered.put(tp, all);
        toApply.put(tp, now);
    }

    /** Per partition, every record of the batch in order, those held from earlier batches first. */
    public Map<TopicPartition, List<SinkRecord>> ordered() {
        return ordered;
    }

    /** Per partition, the records that end with a whole source transaction: applied now. */
    public Map<TopicPartition, List<SinkRecord>> toApply() {
        return toApply;
    }

    public TopicPartition current() {
        return current;
    }

    /** Marks the partition being applied, for {@link #describeCurrent()}. */
    public void applying(TopicPartition tp) {
        current = tp;
    }

    /**
     * The records the failed attempt was applying: topic, partition, offsets, and where the first comes from
     * (database, table, source position), for messages about a failure that names no single record.
     */
    public String describeCurrent() {
        TopicPartition tp = current;
        List<SinkRecord> records = tp == null ? null : toApply.get(tp);
        if (records == null || records.isEmpty()) {
            return tp == null ? "no partition was being applied" : "topic '" + tp.topic() + "' partition " + tp.partition();
        }
        SinkRecord first = records.get(0);
        return "applying topic '" + tp.topic() + "' partition " + tp.partition() + " offsets " + first.kafkaOffset() + " to "
                + records.get(records.size() - 1).kafkaOffset() + "; first record: " + RecordOrigin.describe(first);
    }
}
