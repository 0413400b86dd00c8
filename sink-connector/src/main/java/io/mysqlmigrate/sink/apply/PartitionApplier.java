package io.mysqlmigrate.sink.apply;

import io.mysqlmigrate.sink.retry.PolicyStopException;

import io.mysqlmigrate.sink.retry.NeverApplicableRecordException;

import io.mysqlmigrate.dialect.BinlogPosition;
import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.sink.ddl.DdlApplier;
import io.mysqlmigrate.sink.ddl.DdlNameRewriter;
import io.mysqlmigrate.sink.event.ChangeEvent;
import io.mysqlmigrate.sink.event.ChangeEventReader;
import io.mysqlmigrate.sink.event.RowChange;
import io.mysqlmigrate.sink.event.SchemaChange;
import io.mysqlmigrate.sink.event.SourcePosition;
import io.mysqlmigrate.sink.event.Tombstone;
import io.mysqlmigrate.sink.event.Unrecognised;
import io.mysqlmigrate.sink.naming.DestinationNames;
import io.mysqlmigrate.sink.state.PartitionProgress;
import io.mysqlmigrate.sink.state.ProgressStore;
import io.mysqlmigrate.sink.metrics.SinkTaskMetrics;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the records of one database topic partition in their order. Row changes accumulate into one destination
 * transaction that also stores the partition's progress; a DDL statement or a TRUNCATE is a barrier: the rows
 * before it are committed first, then it is applied on its own.
 *
 * <p>Three kinds of repeats are skipped: records below the stored Kafka offset (a redelivery to the sink), records
 * below the offset the sink had reached when an operator moved its offsets back (a replay: applied already, and
 * applying them again would take rows back in time and re-run old row images against newer structures), and
 * streamed changes before the last binary log position applied (the source re-sending after its own
 * restart). The second keeps rows from going back in time and keeps row images from before an applied DDL (a
 * dropped column, say) from being applied after it. A snapshot starts the position count afresh.
 */
public final class PartitionApplier {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionApplier.class);

    private final ProgressStore progress;
    private final RowWriter rows;
    private final DdlApplier ddl;
    private final DestinationNames names;

    private final SinkTaskMetrics metrics;

    public PartitionApplier(ProgressStore progress, RowWriter rows, DdlApplier ddl, DestinationNames names, SinkTaskMetrics metrics) {
        this.metrics = metrics;
        this.progress = progress;
        this.rows = rows;
        this.ddl = ddl;
        this.names = names;
    }

    /** Applies every new record and returns the partition's progress after them, all of it committed. */
    public PartitionProgress apply(Connection c, TopicPartition tp, List<SinkRecord> records, PartitionProgress from) throws SQLException {
        return apply(c, tp, records, from, offset -> false);
    }

    /**
     * Applies every new record and returns the partition's progress after them, all of it committed. A record whose
     * offset {@code reported} accepts was sent to the dead-letter queue: it counts as handled, so the stored offset moves
     * past it in the same transaction as the changes after it, and it is never counted as applied. A record that is not
     * a change event the sink understands throws {@link NeverApplicableRecordException}; a tombstone is consumed.
     */
    public PartitionProgress apply(Connection c, TopicPartition tp, List<SinkRecord> records, PartitionProgress from,
                                   LongPredicate reported) throws SQLException {
        if (records.isEmpty()) {
            return from;
        }
        long tombstones = 0;
        long deadLettered = 0;
        long counted = 0; // applied records not yet committed
        List<RowChange> pending = new ArrayList<>();
        SourcePosition lastPosition = null;
        long next = from.nextOffset();
        BinlogPosition lastApplied = from.lastApplied();
        long replays = 0;
        long movedBack = 0;
        for (SinkRecord record : records) {
            if (record.kafkaOffset() < next) {
                continue;
            }
            if (from.isReplay(record.kafkaOffset())) {
                movedBack++; // applied before the operator moved the sink back: its effect is in the destination already
                next = record.kafkaOffset() + 1;
                continue;
            }
            if (reported.test(record.kafkaOffset())) {
                deadLettered++;
                next = record.kafkaOffset() + 1;
                continue;
            }
            ChangeEvent read = readEvent(record);
            if (read instanceof Tombstone) {
                tombstones++;
                next = record.kafkaOffset() + 1;
                continue;
            }
            if (read instanceof Unrecognised unrecognised) {
                throw new NeverApplicableRecordException(record.kafkaOffset(), "Cannot apply this record: " + unrecognised.why(), null);
            }
            ChangeEvent event = destinationNames(read, tp);
            // a view or routine statement from the source's catalog watcher carries a position it was found near, not one
            // of the binary log: it neither starts a snapshot nor moves the last applied position
            SourcePosition position = event instanceof RowChange r ? r.position()
                    : event instanceof SchemaChange s && !DdlApplier.definesObject(s) ? s.position() : null;
            if (position != null) {
                if (position.snapshot()) {
                    lastApplied = null;
                } else if (alreadyApplied(position.resumeAt(), lastApplied)) {
                    replays++;
                    next = record.kafkaOffset() + 1;
                    continue;
                } else if (position.resumeAt() != null) {
                    if (lastApplied != null && !position.resumeAt().sameLogAs(lastApplied)) {
                        LOG.warn("{}: the source's binary log changed (from {} to {}; a failover or a reset log): changes are "
                                + "applied as they come from the new log", tp, lastApplied, position.resumeAt());
                    }
                    lastApplied = position.resumeAt();
                }
            }
            counted++; // a transaction boundary is applied by committing with the rows around it
            if (event instanceof RowChange row && row.operation() != RowChange.Operation.TRUNCATE) {
                pending.add(row);
                lastPosition = row.position();
            } else if (event instanceof RowChange truncate) {
                commitRows(c, tp, pending, from.at(truncate.offset(), lastApplied), lastPosition);
                truncate(c, truncate);
                progress.save(c, tp, from.at(truncate.offset() + 1, lastApplied), truncate.position());
                c.commit();
                metrics.recordsApplied(counted);
                counted = 0;
            } else if (event instanceof SchemaChange change) {
                commitRows(c, tp, pending, from.at(change.offset(), lastApplied), lastPosition);
                metrics.recordsApplied(counted - 1);
                counted = 0;
                metrics.ddl(ddl.apply(c, tp, change, from.at(change.offset() + 1, lastApplied)));
                metrics.recordsApplied(1);
            }
            next = record.kafkaOffset() + 1;
        }
        PartitionProgress after = from.at(next, lastApplied);
        commitRows(c, tp, pending, after, lastPosition);
        metrics.recordsApplied(counted);
        if (tombstones > 0) {
            LOG.info("{}: consumed {} tombstone(s) (records without a value: nothing to apply)", tp, tombstones);
        }
        if (deadLettered > 0) {
            LOG.info("{}: stepped over {} record(s) sent to the dead-letter queue", tp, deadLettered);
        }
        if (movedBack > 0) {
            LOG.info("{}: replayed {} record(s) below offset {} without effect: they were applied before the sink's offsets "
                    + "were moved back", tp, movedBack, from.replayUntil());
        }
        if (replays > 0) {
            LOG.info("{}: skipped {} change(s) the source sent again after a restart (at or before {})", tp, replays, lastApplied);
        }
        return after;
    }

    /** The record as a change event; a record that cannot be read as one can never apply. */
    private static ChangeEvent readEvent(SinkRecord record) {
        try {
            return ChangeEventReader.read(record);
        } catch (RuntimeException e) { // reading touches nothing but the record: the record is at fault
            throw new NeverApplicableRecordException(record.kafkaOffset(), "Cannot read this record as a change event: "
                    + e.getMessage(), e);
        }
    }

    /** The event with destination names; a DDL whose names cannot be mapped stops the task, naming the way out. */
    private ChangeEvent destinationNames(ChangeEvent event, TopicPartition tp) {
        try {
            return names.map(event);
        } catch (DdlNameRewriter.UnreadableDdlException e) {
            SchemaChange change = (SchemaChange) event;
            throw new PolicyStopException("Cannot map the object names of a DDL statement of database '" + change.database()
                    + "' at source position " + change.position() + " (" + tp + " offset " + change.offset() + "): "
                    + e.getMessage() + ".\nStatement: " + change.ddl() + "\nFix: apply the statement on the destination by "
                    + "hand with the destination's names; then, with the connector stopped, move the sink past it ("
                    + progress.moveOnStatement(tp, change.offset() + 1) + ") and resume it.", e);
        }
    }

    /**
     * A streamed change before the last applied position of the same binary log was applied already. A change at
     * exactly that position is applied again: Debezium sends a primary-key change as a delete and a create sharing
     * one position, and re-applying either (an idempotent delete or upsert by key) is harmless.
     */
    static boolean alreadyApplied(BinlogPosition at, BinlogPosition lastApplied) {
        return at != null && lastApplied != null && at.sameLogAs(lastApplied) && at.compareTo(lastApplied) < 0;
    }

    private void commitRows(Connection c, TopicPartition tp, List<RowChange> pending, PartitionProgress upTo, SourcePosition position)
            throws SQLException {
        rows.write(c, pending);
        progress.save(c, tp, upTo, position);
        c.commit();
        Map<String, Long> byTable = new HashMap<>();
        for (RowChange row : pending) {
            byTable.merge(row.database() + "." + row.table(), 1L, Long::sum);
        }
        byTable.forEach(metrics::rowsCommitted);
        if (position != null && !position.snapshot() && position.tsMs() > 0) {
            metrics.sourceCommittedAt(position.tsMs());
        }
        pending.clear();
    }

    private static void truncate(Connection c, RowChange change) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("TRUNCATE TABLE " + Identifiers.quote(change.database(), change.table()));
        }
    }
}
