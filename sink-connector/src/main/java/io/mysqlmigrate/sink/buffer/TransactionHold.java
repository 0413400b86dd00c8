package io.mysqlmigrate.sink.buffer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds back, per partition, the records of a source transaction still open at the end of a batch, so that only whole
 * transactions are applied ({@link TransactionCut}); they are applied with the batch that completes them. A batch
 * that failed is held whole, to be applied again with the next call even when no new record comes.
 */
public final class TransactionHold {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionHold.class);

    /**
     * @param maxHeldRecords the most records of one open transaction held back (0: none held, transactions split)
     * @param maxHeldSetting the setting that sets it, for messages
     */
    public record Limit(int maxHeldRecords, String maxHeldSetting) {
    }

    private final Limit limit;
    /** Per partition, the records of a source transaction still open at the end of the last batch (not applied). */
    private final Map<TopicPartition, List<SinkRecord>> held = new HashMap<>();
    /** Partitions whose held records must be applied again (their batch failed), even when no new record comes. */
    private final Set<TopicPartition> retrying = new HashSet<>();

    public TransactionHold(Limit limit) {
        this.limit = limit;
    }

    /** The new records by partition, after the partitions whose failed batch is applied again (possibly with none). */
    public Map<TopicPartition, List<SinkRecord>> byPartition(Collection<SinkRecord> records) {
        Map<TopicPartition, List<SinkRecord>> byPartition = new LinkedHashMap<>();
        for (TopicPartition tp : retrying) {
            byPartition.put(tp, new ArrayList<>());
        }
        for (SinkRecord r : records) {
            byPartition.computeIfAbsent(new TopicPartition(r.topic(), r.kafkaPartition()), k -> new ArrayList<>()).add(r);
        }
        return byPartition;
    }

    /** The batch of these records and those held: what ends with whole transactions is applied, the rest held. */
    public Batch take(Map<TopicPartition, List<SinkRecord>> byPartition) {
        Batch batch = new Batch();
        for (Map.Entry<TopicPartition, List<SinkRecord>> e : byPartition.entrySet()) {
            TopicPartition tp = e.getKey();
            List<SinkRecord> ordered = withHeld(tp, e.getValue());
            int cut = cutAfterWholeTransactions(tp, ordered);
            batch.add(tp, ordered, List.copyOf(ordered.subList(0, cut)));
            held.put(tp, List.copyOf(ordered.subList(cut, ordered.size())));
        }
        retrying.clear();
        return batch;
    }

    /** Holds every record of a failed batch, to be applied again with the next call. */
    public void holdAgain(Batch failed) {
        failed.ordered().forEach((tp, ordered) -> {
            held.put(tp, ordered);
            retrying.add(tp);
        });
    }

    /** Forgets partitions no longer assigned: their new owner reads them again. */
    public void forget(Collection<TopicPartition> partitions) {
        retrying.removeAll(partitions);
        partitions.forEach(held::remove);
    }

    /** The records held back from earlier batches followed by the new ones (a redelivered record only once). */
    private List<SinkRecord> withHeld(TopicPartition tp, List<SinkRecord> fresh) {
        List<SinkRecord> before = held.getOrDefault(tp, List.of());
        if (before.isEmpty()) {
            return fresh;
        }
        long last = before.get(before.size() - 1).kafkaOffset();
        List<SinkRecord> all = new ArrayList<>(before);
        fresh.stream().filter(r -> r.kafkaOffset() > last).forEach(all::add);
        return all;
    }

    /** How many records can be applied now without splitting a source transaction, within the holding limit. */
    private int cutAfterWholeTransactions(TopicPartition tp, List<SinkRecord> records) {
        int max = limit.maxHeldRecords();
        if (max == 0) {
            return TransactionCut.keepingKeyChangesWhole(records, records.size());
        }
        int cut = TransactionCut.after(records);
        if (records.size() - cut > max) {
            LOG.warn("{}: an open source transaction has more than {} records ({}); applying it in parts, so readers of the "
                    + "destination can see part of it", tp, max, limit.maxHeldSetting());
            return TransactionCut.keepingKeyChangesWhole(records, records.size());
        }
        return cut;
    }
}
