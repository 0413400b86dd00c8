package io.mysqlmigrate.sink;

import io.mysqlmigrate.sink.apply.ApplyThread;
import io.mysqlmigrate.sink.buffer.Batch;
import io.mysqlmigrate.sink.buffer.TransactionHold;
import io.mysqlmigrate.sink.failure.FailureHandling;
import io.mysqlmigrate.sink.metrics.SinkTaskMetrics;
import io.mysqlmigrate.sink.retry.FailureClassifier;
import io.mysqlmigrate.sink.retry.RetryRecords;
import io.mysqlmigrate.sink.retry.RetryWindows;
import io.mysqlmigrate.sink.state.AssignedPartitions;
import io.mysqlmigrate.sink.state.ReplayRefusedException;
import io.mysqlmigrate.sink.throttle.Pacing;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies database topics to the destination. Offsets live in the destination, committed with the rows; the task
 * seeks to them when partitions are assigned ({@link AssignedPartitions}), and {@link #preCommit} reports only what the
 * destination has committed, so Kafka's own consumer offsets never run ahead of the data.
 *
 * <p>Each batch is applied on the task's {@link ApplyThread} while Connect fetches and converts the next one; the
 * next {@link #put} waits for it first, so one batch at most is in flight and batches commit in order. Records of a
 * source transaction still open at the end of a batch are held until it completes ({@link TransactionHold}).
 *
 * <p>Every failure is decided by {@link FailureHandling}, after {@link FailureClassifier}. Retryable ones are retried
 * within DTS's windows ({@link RetryWindows}): the batch is rolled back, held, and applied again with the batch Connect
 * redelivers after a growing pause. A record that can never apply (not a change event, missing its images, a value that
 * cannot convert or that the destination cannot hold) goes to Connect's dead-letter queue when one is configured and is
 * stepped over, its offset stored as handled; without one the task fails at once, naming it. The parts are built by
 * {@link SinkTaskFactory}.
 */
public final class MigrationSinkTask extends SinkTask {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationSinkTask.class);

    private SinkTaskMetrics metrics;
    /** Per partition, what the destination has committed and where the sink asked Kafka to start. */
    private AssignedPartitions partitions;
    private TransactionHold hold;
    private Pacing pacing;
    private DestinationSession destination;
    private FailureHandling failures;
    private ApplyThread applyThread;
    /** The batch the apply thread works on, or the last one it finished. */
    private Batch inFlight;
    /** A failure of the apply thread met outside {@link #put} (in open, close or preCommit), decided by the next put. */
    private Throwable pendingFailure;

    @Override
    public String version() {
        return MigrationSinkConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        SinkTaskFactory factory = new SinkTaskFactory(props);
        metrics = factory.metrics();
        RetryRecords retryRecords = factory.retryRecords();
        applyThread = factory.applyThread();
        partitions = factory.partitions();
        hold = factory.transactionHold();
        pacing = factory.pacing(metrics);
        destination = new DestinationSession(factory, metrics, retryRecords, partitions, offsets -> context.offset(offsets));
        failures = factory.failureHandling(context, metrics, retryRecords, destination);
    }

    @Override
    public void open(Collection<TopicPartition> assigned) {
        awaitInFlight(); // the destination connection is the apply thread's until then
        partitions.assign(assigned);
        try {
            destination.loadProgress();
        } catch (SQLException e) {
            LOG.warn("Cannot read the sink's progress from the destination yet ({}); will retry before applying", e.getMessage());
            destination.close();
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        settle();
        Map<TopicPartition, List<SinkRecord>> byPartition = hold.byPartition(records);
        if (byPartition.isEmpty()) {
            return;
        }
        Connection c;
        Set<TopicPartition> readNow = partitions.notYetRead();
        try {
            destination.loadProgress();
            c = destination.connection();
        } catch (ReplayRefusedException e) {
            throw e; // no retry can make this state converge
        } catch (SQLException | RuntimeException e) {
            destination.rollback();
            throw failures.retryOrGiveUp(e, null);
        }
        partitions.check(readNow, byPartition);
        Batch batch = hold.take(byPartition);
        failures.forgetDeadLettersBehind(partitions.applied());
        inFlight = batch;
        applyThread.start(() -> {
            apply(c, batch);
            return null;
        });
    }

    /** Runs on the apply thread: applies each partition's share of the batch, committed with its progress. */
    private void apply(Connection c, Batch batch) throws SQLException {
        try {
            for (Map.Entry<TopicPartition, List<SinkRecord>> e : batch.toApply().entrySet()) {
                TopicPartition tp = e.getKey();
                batch.applying(tp);
                pacing.pace(e.getValue());
                Set<Long> reported = failures.deadLettered(tp);
                partitions.applied(tp, destination.applier().apply(c, tp, e.getValue(), partitions.applied(tp), reported::contains));
            }
        } catch (SQLException | RuntimeException e) {
            destination.rollback();
            throw e;
        }
        failures.succeeded(c);
    }

    /**
     * Waits for the batch in flight. When it failed, its records are held to be applied again (after the progress is
     * read again from the destination), and {@link FailureHandling} decides the failure: the batch is applied again
     * with this call, or the exception it throws is Connect's retry or the task's failure.
     */
    private void settle() {
        Throwable failure = pendingFailure != null ? pendingFailure : applyThread.await();
        pendingFailure = null;
        Batch failed = inFlight;
        inFlight = null;
        if (failure == null) {
            return;
        }
        hold.holdAgain(failed);
        partitions.reread(failed.ordered().keySet());
        failures.decide(failure, failed);
    }

    /** Waits for the batch in flight without deciding a failure yet: the next {@link #put} decides it. */
    private void awaitInFlight() {
        Throwable failure = applyThread.await();
        if (failure != null) {
            pendingFailure = failure;
        }
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        awaitInFlight(); // report the newest committed offsets; a failure is decided by the next put, never thrown here
        return partitions.committed(currentOffsets.keySet());
    }

    @Override
    public void close(Collection<TopicPartition> revoked) {
        awaitInFlight();
        if (inFlight != null) {
            revoked.forEach(inFlight.ordered()::remove); // a failed batch is applied again for the partitions kept only
        }
        hold.forget(revoked);
        partitions.forget(revoked);
        failures.forget(revoked);
    }

    @Override
    public void stop() {
        if (applyThread != null) {
            applyThread.close();
        }
        if (destination != null) {
            destination.close();
        }
        if (failures != null) {
            failures.stopped(); // a stopped task retries nothing; status must not show it stuck
        }
        if (metrics != null) {
            metrics.close();
        }
    }
}
