package io.mysqlmigrate.sink.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partitions assigned to a task and, for each, what the destination has committed. Offsets live in the
 * destination, committed with the rows: a newly assigned partition's stored progress is read there (refused when it
 * cannot be replayed safely, {@link ReplayCheck}) and the consumer is sent to it; what is reported to Kafka is only
 * what the destination has committed.
 */
public final class AssignedPartitions {

    private static final Logger LOG = LoggerFactory.getLogger(AssignedPartitions.class);

    private final String stateDatabase;
    private final String connector;
    /** Per partition, what the destination has committed; written by the apply thread, read by {@link #committed}. */
    private final Map<TopicPartition, PartitionProgress> applied = new ConcurrentHashMap<>();
    /**
     * Per partition started since it was assigned, where the sink asked Kafka to start (its stored progress; offset 0
     * without any) until the first record comes, to catch records retention deleted ({@link ReplayCheck#gapRefusal}).
     */
    private final Map<TopicPartition, PartitionProgress> startingAt = new HashMap<>();
    /** Partitions assigned whose stored progress was not read yet (not those read again after a failure). */
    private final Set<TopicPartition> assigned = new HashSet<>();
    /** Assigned partitions whose stored progress could not be read yet (the destination was unreachable). */
    private final Set<TopicPartition> unloaded = new HashSet<>();

    public AssignedPartitions(String stateDatabase, String connector) {
        this.stateDatabase = stateDatabase;
        this.connector = connector;
    }

    public void assign(Collection<TopicPartition> partitions) {
        unloaded.addAll(partitions);
        assigned.addAll(partitions);
    }

    /**
     * After a failure, the progress the task holds may be behind what was committed before the failing statement (rows
     * before a DDL, the DDL itself): it is read again from the destination before the next attempt, so nothing
     * committed is applied twice.
     */
    public void reread(Collection<TopicPartition> partitions) {
        unloaded.addAll(partitions);
    }

    /** Whether every partition's stored progress has been read. */
    public boolean loaded() {
        return unloaded.isEmpty();
    }

    /** Partitions assigned whose stored progress was not read yet. */
    public Set<TopicPartition> notYetRead() {
        return new HashSet<>(assigned);
    }

    /** Reads the stored progress of newly assigned partitions and seeks the consumer there. */
    public void load(Connection c, ProgressStore progress, Consumer<Map<TopicPartition, Long>> seek) throws SQLException {
        Map<TopicPartition, PartitionProgress> stored = progress.load(c, unloaded);
        Map<TopicPartition, ReplayCheck.JournalSummary> journal = progress.journal(c, unloaded);
        c.commit();
        for (TopicPartition tp : unloaded) {
            Optional<String> refusal = ReplayCheck.refusal(stateDatabase, connector, tp, stored.get(tp),
                    journal.getOrDefault(tp, ReplayCheck.JournalSummary.EMPTY));
            if (refusal.isPresent()) {
                LOG.error(refusal.get());
                throw new ReplayRefusedException(refusal.get());
            }
        }
        applied.putAll(stored);
        // The destination is the truth: a partition it holds nothing of is applied from its first offset, whatever
        // Connect's committed offsets say
        Map<TopicPartition, Long> offsets = new HashMap<>();
        // Only a newly assigned partition is sought: after a failure the task still holds the failed records from the
        // stored offset on and applies them again, so seeking back would only have Connect deliver them a second time
        // (and report a record its converter refused to the dead-letter queue a second time).
        for (TopicPartition tp : unloaded) {
            if (assigned.remove(tp)) {
                PartitionProgress start = stored.getOrDefault(tp, new PartitionProgress(0, null));
                startingAt.put(tp, start);
                offsets.put(tp, start.nextOffset());
            }
        }
        unloaded.clear();
        if (!offsets.isEmpty()) {
            seek.accept(offsets);
        }
        if (!stored.isEmpty()) {
            LOG.info("Resuming from progress stored in the destination: {}", stored);
        }
    }

    /**
     * Leaves out the records of partitions whose progress was read only now ({@code readNow}: not read before the
     * destination was reached): they came from Connect's position, not from the destination's, and the seek just made
     * redelivers from there. Then refuses a partition whose first record lies past where the sink asked to start.
     */
    public void check(Set<TopicPartition> readNow, Map<TopicPartition, List<SinkRecord>> byPartition) {
        readNow.retainAll(startingAt.keySet());
        byPartition.keySet().removeAll(readNow);
        for (Map.Entry<TopicPartition, List<SinkRecord>> e : byPartition.entrySet()) {
            checkFirstRecord(e.getKey(), e.getValue());
        }
    }

    /**
     * Refuses a partition whose first record since it was started lies past the offset the sink asked for (retention
     * deleted the records in between), before anything of the batch is applied.
     */
    private void checkFirstRecord(TopicPartition tp, List<SinkRecord> records) {
        PartitionProgress start = startingAt.get(tp);
        if (start == null || records.isEmpty()) {
            return;
        }
        startingAt.remove(tp);
        long first = records.get(0).kafkaOffset();
        Optional<String> refusal = ReplayCheck.gapRefusal(stateDatabase, connector, tp, start.nextOffset(),
                start.replayUntil(), first);
        if (refusal.isPresent()) {
            LOG.error(refusal.get());
            throw new ReplayRefusedException(refusal.get());
        }
        if (ReplayCheck.isMarkerGap(start.nextOffset(), start.replayUntil(), first)) {
            LOG.info("{}: first record at offset {}, one past the stored {} (a transaction marker)", tp, first, start.nextOffset());
        }
    }

    /** What the destination has committed of the partition ({@link PartitionProgress#START} when nothing is known). */
    public PartitionProgress applied(TopicPartition tp) {
        return applied.getOrDefault(tp, PartitionProgress.START);
    }

    /** Records what the destination has committed of the partition now. */
    public void applied(TopicPartition tp, PartitionProgress progress) {
        applied.put(tp, progress);
    }

    /** Per partition, the next offset the destination has committed: all Kafka may store. */
    public Map<TopicPartition, OffsetAndMetadata> committed(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        for (TopicPartition tp : partitions) {
            PartitionProgress p = applied.get(tp);
            if (p != null && p.nextOffset() >= 0) {
                committed.put(tp, new OffsetAndMetadata(p.nextOffset()));
            }
        }
        return committed;
    }

    /** What the destination has committed of each partition known. */
    public Map<TopicPartition, PartitionProgress> applied() {
        return applied;
    }

    /** Forgets partitions no longer assigned. */
    public void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(applied::remove);
        unloaded.removeAll(partitions);
        partitions.forEach(startingAt::remove);
        assigned.removeAll(partitions);
    }
}
