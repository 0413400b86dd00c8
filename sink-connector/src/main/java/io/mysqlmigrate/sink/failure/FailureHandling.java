package io.mysqlmigrate.sink.failure;

import io.mysqlmigrate.sink.buffer.Batch;
import io.mysqlmigrate.sink.event.RecordOrigin;
import io.mysqlmigrate.sink.metrics.SinkTaskMetrics;
import io.mysqlmigrate.sink.retry.ApplyException;
import io.mysqlmigrate.sink.retry.FailureClassifier;
import io.mysqlmigrate.sink.retry.FailureKind;
import io.mysqlmigrate.sink.retry.NeverApplicableRecordException;
import io.mysqlmigrate.sink.retry.RetryEpisode;
import io.mysqlmigrate.sink.retry.RetryRecords;
import io.mysqlmigrate.sink.retry.RetryWindows;
import io.mysqlmigrate.sink.state.PartitionProgress;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.LongPredicate;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a failed apply attempt leads to, by its {@link FailureClassifier} verdict. Retryable failures are retried
 * within DTS's windows ({@link RetryWindows}): Connect calls again after a growing pause, and the episode shows in the
 * destination ({@link RetryRecords}) and on the task's JMX bean. A record that can never apply goes to Connect's
 * dead-letter queue when one is configured and is stepped over, its offset stored as handled; without one the task
 * fails at once, naming it and how to move past it. A policy stop fails the task.
 */
public final class FailureHandling {

    private static final Logger LOG = LoggerFactory.getLogger(FailureHandling.class);

    /**
     * @param connector the connector's name, for the fixes messages name
     * @param stateDatabase the destination database holding the sink's state
     * @param connectionWindowSetting the setting of the window for connection failures, for messages
     * @param otherWindowSetting the setting of the window for other retryable failures, for messages
     */
    public record Settings(String connector, String stateDatabase, String connectionWindowSetting, String otherWindowSetting) {
    }

    /** What failure handling needs of the task's destination. */
    public interface Destination {

        /**
         * Applies and commits these records of the partition (reading stored progress first when needed), the records
         * whose offsets are {@code handled} stepped over; returns the partition's stored next offset after them.
         */
        long applyAndCommit(TopicPartition tp, List<SinkRecord> records, LongPredicate handled) throws SQLException;

        /** Undoes the failed attempt on the task's connection. */
        void rollback();

        /** Closes the task's connection (it failed): the next attempt opens another. */
        void close();

        /** A new connection of its own. */
        Connection open() throws SQLException;
    }

    private final Settings settings;
    private final SinkTaskContext context;
    private final SinkTaskMetrics metrics;
    private final RetryWindows retries;
    /** This task's retry episode in the destination's state database, where status and the local run read it. */
    private final RetryRecords retryRecords;
    private final Destination destination;
    /**
     * Whether the destination may hold a retry episode of this task to clear after the next success: true at start, so
     * an episode left by an earlier run of the task (a worker that died while retrying) is cleared too.
     */
    private volatile boolean retryRecorded = true;
    /**
     * Per partition, offsets of records sent to the dead-letter queue: handled, so the stored offset moves past them when
     * the batch is applied again; forgotten once the destination's stored offset is past them.
     */
    private final Map<TopicPartition, Set<Long>> deadLettered = new HashMap<>();

    public FailureHandling(Settings settings, SinkTaskContext context, SinkTaskMetrics metrics, RetryWindows retries,
                           RetryRecords retryRecords, Destination destination) {
        this.settings = settings;
        this.context = context;
        this.metrics = metrics;
        this.retries = retries;
        this.retryRecords = retryRecords;
        this.destination = destination;
    }

    /**
     * Decides the failure of a batch (its records are held to be applied again): a record that can never apply goes to
     * the dead-letter queue and the rest is applied with the next call (or, without a queue, the task fails at once); a
     * policy stop fails the task; a retryable failure is retried within its window (Connect calls again after the
     * backoff) or fails the task naming what failed. Returns only when the next call applies the batch again.
     */
    public void decide(Throwable failure, Batch failed) {
        FailureClassifier.Verdict verdict = FailureClassifier.classify(failure);
        switch (verdict) {
            case STOP -> throw failure instanceof RuntimeException stop ? stop
                    : new ApplyException(failure.getMessage() + " (" + failed.describeCurrent() + ")", failure);
            case NEVER_APPLICABLE -> neverApplicable(failed, failure);
            case RETRY_CONNECTION, RETRY_OTHER -> {
                if (failure instanceof Exception e) {
                    throw retryOrGiveUp(e, failed.describeCurrent());
                }
                throw new ConnectException("The apply thread failed (" + failed.describeCurrent() + "): " + failure, failure);
            }
        }
    }

    /**
     * A failure no retry can cure. When it names one record of the partition being applied, that record goes to the
     * dead-letter queue (it then counts as handled: the next attempt moves the stored offset past it). Without a queue
     * the records before it are applied first, so the sink's stored offset is the record's own and moving the offset to
     * the one after it steps over that record alone; then the task fails, naming the record and that move. A failure that
     * names no single record fails the task now, naming the records being applied.
     */
    private void neverApplicable(Batch failed, Throwable failure) {
        NeverApplicableRecordException pinned = NeverApplicableRecordException.find(failure);
        TopicPartition tp = failed.current();
        List<SinkRecord> ordered = tp == null ? null : failed.ordered().get(tp);
        if (pinned != null && ordered == null) {
            return; // the partition was revoked meanwhile; its new owner meets the record again
        }
        SinkRecord bad = pinned == null ? null
                : ordered.stream().filter(r -> r.kafkaOffset() == pinned.offset()).findFirst().orElse(null);
        String connectorName = settings.connector();
        if (bad == null) {
            throw new ApplyException("A change that can never apply, retrying cannot help (" + failed.describeCurrent() + "): "
                    + failure.getMessage() + "\nFix: correct the destination so it can hold the value (or the configuration "
                    + "named above) and restart the task, or move the sink past the record: stop the connector, PATCH its "
                    + "offsets (/connectors/" + connectorName + "/offsets) to the offset after it, and resume it.", failure);
        }
        NeverApplicableRecordException described = pinned.from(RecordOrigin.describe(bad));
        if (deadLetter(bad, described)) {
            return;
        }
        String before = applyBefore(tp, ordered, bad);
        throw new ApplyException(described.getMessage() + ". This record can never apply, and retrying cannot change that. "
                + before + "Either send such records to a dead-letter queue (errors.tolerance=all, "
                + "errors.deadletterqueue.topic.name=<topic>, errors.deadletterqueue.context.headers.enable=true), or move the "
                + "sink past this one: stop the connector (PUT /connectors/" + connectorName + "/stop), then PATCH /connectors/"
                + connectorName + "/offsets with {\"offsets\":[{\"partition\":{\"kafka_topic\":\"" + bad.topic()
                + "\",\"kafka_partition\":" + bad.kafkaPartition() + "},\"offset\":{\"kafka_offset\":" + (bad.kafkaOffset() + 1)
                + "}}]}, and resume it (PUT /connectors/" + connectorName + "/resume).", described);
    }

    /**
     * Applies and commits the records of the partition before {@code bad}, so a task failing at it has stored the bad
     * record's own offset. Returns what the message must say about them.
     */
    private String applyBefore(TopicPartition tp, List<SinkRecord> ordered, SinkRecord bad) {
        List<SinkRecord> before = ordered.stream().filter(r -> r.kafkaOffset() < bad.kafkaOffset()).toList();
        try {
            long next = destination.applyAndCommit(tp, before, deadLettered(tp)::contains);
            if (next == bad.kafkaOffset()) {
                return "Everything before it is applied (the sink's stored offset is " + next + "). ";
            }
            return "The sink's stored offset is " + next + ". ";
        } catch (SQLException | RuntimeException e) {
            destination.rollback();
            return "The records before it could not be applied first (" + e.getMessage() + "): restart the task once, so "
                    + "it applies them and stops at this record again, before moving past it. ";
        }
    }

    /**
     * Sends the record that can never apply to the dead-letter queue and returns true, or returns false when Connect has
     * none (errors.tolerance is none: Connect then has no reporter, or one that logs the record and refuses it). A
     * reported record is logged at WARN with where it comes from and why, and counts as handled: the next attempt moves
     * the stored offset past it.
     */
    private boolean deadLetter(SinkRecord bad, NeverApplicableRecordException e) {
        ErrantRecordReporter reporter = context.errantRecordReporter();
        if (reporter == null) {
            return false;
        }
        try {
            reporter.report(bad, e).get();
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while reporting a record to the dead-letter queue", ie);
        } catch (ExecutionException ee) {
            throw new ConnectException("Cannot report a record to the dead-letter queue (" + e.getMessage() + "): "
                    + ee.getCause().getMessage(), ee.getCause());
        } catch (ConnectException refused) { // errors.tolerance=none with errors.log.enable: logged, then refused
            return false;
        }
        deadLettered.computeIfAbsent(new TopicPartition(bad.topic(), bad.kafkaPartition()), k -> new HashSet<>()).add(bad.kafkaOffset());
        metrics.deadLettered();
        LOG.warn("Sent to the dead-letter queue, and stepped over: {}", e.getMessage());
        return true;
    }

    /** Offsets of the partition's records sent to the dead-letter queue and not yet passed by its stored offset. */
    public Set<Long> deadLettered(TopicPartition tp) {
        return deadLettered.getOrDefault(tp, Set.of());
    }

    /** Dead-lettered offsets the destination's stored offset has passed are stepped over for good: forget them. */
    public void forgetDeadLettersBehind(Map<TopicPartition, PartitionProgress> applied) {
        deadLettered.forEach((tp, offsets) -> {
            PartitionProgress p = applied.get(tp);
            if (p != null) {
                offsets.removeIf(o -> o < p.nextOffset());
            }
        });
        deadLettered.values().removeIf(Set::isEmpty);
    }

    /** Forgets partitions no longer assigned. */
    public void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(deadLettered::remove);
    }

    /** Retry within the window of the failure's kind, or give up naming what failed and {@code where} (null: unknown). */
    public RuntimeException retryOrGiveUp(Exception e, String where) {
        FailureKind kind = FailureKind.of(e);
        if (kind == FailureKind.CONNECTION) {
            destination.close();
        }
        String setting = kind == FailureKind.CONNECTION ? settings.connectionWindowSetting() : settings.otherWindowSetting();
        RetryWindows.Decision decision = retries.onFailure(kind);
        if (decision instanceof RetryWindows.Retry retry) {
            metrics.retried();
            RetryEpisode episode = new RetryEpisode(kind, e.getMessage(), retries.since(),
                    Instant.now().plus(retry.remaining()), retry.attempt(), setting);
            metrics.retrying(episode);
            recordRetry(episode);
            LOG.warn("Apply attempt {} failed ({} failure{}): {}. Retrying in {} ms; {} s left of {}", retry.attempt(),
                    kind.name().toLowerCase(), where == null ? "" : ", " + where, e.getMessage(), retry.backoff().toMillis(),
                    retry.remaining().toSeconds(), setting);
            context.timeout(retry.backoff().toMillis());
            return new RetriableException(e.getMessage(), e);
        }
        RetryWindows.GiveUp giveUp = (RetryWindows.GiveUp) decision;
        metrics.retryCleared();
        clearRetryRecord(); // the task fails now: Connect shows FAILED with the trace
        return new ApplyException("Gave up after " + giveUp.attempts() + " attempt(s) over " + giveUp.lasted().toSeconds()
                + " s (" + setting + "=" + giveUp.window().toMinutes() + ")" + (where == null ? "" : " " + where) + ": "
                + e.getMessage(), e);
    }

    /** After a batch applied (on the apply thread, on its connection): the retry episode, if any, is over. */
    public void succeeded(Connection c) {
        retries.onSuccess();
        metrics.retryCleared();
        if (retryRecorded) {
            try {
                retryRecords.clear(c);
                retryRecorded = false;
            } catch (SQLException e) {
                LOG.warn("Cannot clear this task's retry episode in {}.{}: {}", settings.stateDatabase(), RetryRecords.TABLE, e.getMessage());
            }
        }
    }

    /** The task stops: a stopped task retries nothing, and status must not show it stuck. */
    public void stopped() {
        if (metrics.isRetrying()) {
            clearRetryRecord();
        }
    }

    /**
     * Writes the retry episode to the destination, best effort, on a connection of its own (the task's may be the one
     * that failed) with a short lock wait: what cannot be written there still shows on the task's JMX bean.
     */
    private void recordRetry(RetryEpisode episode) {
        try (Connection c = retryRecordConnection()) {
            retryRecords.write(c, episode);
            retryRecorded = true;
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Cannot record the retry episode in the destination: {}", e.getMessage());
        }
    }

    /** A connection of its own for the retry record, waiting at most 5 s for a lock on it. */
    private Connection retryRecordConnection() throws SQLException {
        Connection c = destination.open();
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION innodb_lock_wait_timeout = 5");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private void clearRetryRecord() {
        if (!retryRecorded) {
            return;
        }
        try (Connection c = retryRecordConnection()) {
            retryRecords.clear(c);
            retryRecorded = false;
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Cannot clear the retry episode in the destination: {}", e.getMessage());
        }
    }
}
