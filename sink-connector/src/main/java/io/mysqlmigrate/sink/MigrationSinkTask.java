package io.mysqlmigrate.sink;

import io.mysqlmigrate.dialect.ServerVersion;
import io.mysqlmigrate.dialect.SqlDialect;
import io.mysqlmigrate.sink.retry.ApplyException;
import io.mysqlmigrate.sink.apply.ApplyThread;
import io.mysqlmigrate.sink.apply.PartitionApplier;
import io.mysqlmigrate.sink.apply.RowWriter;
import io.mysqlmigrate.sink.apply.TransactionCut;
import io.mysqlmigrate.sink.retry.NeverApplicableRecordException;
import io.mysqlmigrate.sink.apply.WriterPool;
import io.mysqlmigrate.sink.conflict.ConflictPolicies;
import io.mysqlmigrate.sink.ddl.DdlApplier;
import io.mysqlmigrate.sink.event.RecordOrigin;
import io.mysqlmigrate.sink.naming.DestinationNames;
import io.mysqlmigrate.sink.metrics.SinkTaskMetrics;
import io.mysqlmigrate.sink.naming.NameMapping;
import io.mysqlmigrate.sink.retry.FailureClassifier;
import io.mysqlmigrate.sink.retry.FailureKind;
import io.mysqlmigrate.sink.retry.RetryEpisode;
import io.mysqlmigrate.sink.retry.RetryRecords;
import io.mysqlmigrate.sink.retry.RetryWindows;
import io.mysqlmigrate.sink.state.PartitionProgress;
import io.mysqlmigrate.sink.state.ProgressStore;
import io.mysqlmigrate.sink.state.ReplayCheck;
import io.mysqlmigrate.sink.state.ReplayRefusedException;
import io.mysqlmigrate.sink.table.DestinationTables;
import io.mysqlmigrate.sink.throttle.RecordSize;
import io.mysqlmigrate.throttle.Throttle;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies database topics to the destination. Offsets live in the destination, committed with the rows; the task
 * seeks to them when partitions are assigned, and {@link #preCommit} reports only what the destination has
 * committed, so Kafka's own consumer offsets never run ahead of the data.
 *
 * <p>Each batch is applied on the task's {@link ApplyThread} while Connect fetches and converts the next one; the
 * next {@link #put} waits for it first, so one batch at most is in flight and batches commit in order.
 *
 * <p>Every failure is decided by {@link FailureClassifier}. Retryable ones are retried within DTS's windows
 * ({@link RetryWindows}): the batch is rolled back, held, and applied again with the batch Connect redelivers after a
 * growing pause. A record that can never apply (not a change event, missing its images, a value that cannot convert or
 * that the destination cannot hold) goes to Connect's dead-letter queue when one is configured and is stepped over, its
 * offset stored as handled; without one the task fails at once, naming it.
 */
public final class MigrationSinkTask extends SinkTask {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationSinkTask.class);

    private MigrationSinkConfig config;
    private String connectorName;
    private RetryWindows retries;
    /** This task's retry episode in the destination's state database, where status and the local run read it. */
    private RetryRecords retryRecords;
    /**
     * Whether the destination may hold a retry episode of this task to clear after the next success: true at start, so
     * an episode left by an earlier run of the task (a worker that died while retrying) is cleared too.
     */
    private volatile boolean retryRecorded = true;
    private Throttle throttle;
    private Connection connection;
    private WriterPool writers;
    private ProgressStore progress;
    private PartitionApplier applier;
    private SinkTaskMetrics metrics;
    private DestinationTables tables;
    /** Per partition, what the destination has committed; written by the apply thread, read by {@link #preCommit}. */
    private final Map<TopicPartition, PartitionProgress> applied = new ConcurrentHashMap<>();
    /**
     * Per partition started since it was assigned, where the sink asked Kafka to start (its stored progress; offset 0
     * without any) until the first record comes, to catch records retention deleted ({@link ReplayCheck#gapRefusal}).
     */
    private final Map<TopicPartition, PartitionProgress> startingAt = new HashMap<>();
    /** Partitions assigned by {@link #open} whose stored progress was not read yet (not those read again after a failure). */
    private final Set<TopicPartition> assigned = new HashSet<>();
    /** Assigned partitions whose stored progress could not be read yet (the destination was unreachable). */
    private final Set<TopicPartition> unloaded = new HashSet<>();
    /** Per partition, the records of a source transaction still open at the end of the last batch (not applied). */
    private final Map<TopicPartition, List<SinkRecord>> held = new HashMap<>();
    /**
     * Per partition, offsets of records sent to the dead-letter queue: handled, so the stored offset moves past them when
     * the batch is applied again; forgotten once the destination's stored offset is past them.
     */
    private final Map<TopicPartition, Set<Long>> deadLettered = new HashMap<>();
    /** Partitions whose held records must be applied again (their batch failed), even when no new record comes. */
    private final Set<TopicPartition> retrying = new HashSet<>();
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
        config = new MigrationSinkConfig(props);
        connectorName = MigrationSinkConfig.connectorName(props);
        retries = new RetryWindows(config.retryConnectionWindow(), config.retryOtherWindow(), Clock.systemUTC());
        throttle = config.throttle();
        String taskId = props.getOrDefault(MigrationSinkConnector.TASK_ID_KEY, "0");
        metrics = new SinkTaskMetrics().register(connectorName, taskId);
        retryRecords = new RetryRecords(config.stateDatabase(), connectorName, Integer.parseInt(taskId.trim()));
        applyThread = new ApplyThread("mysql-migrate-apply-" + connectorName + "-" + taskId);
    }

    /** The live destination connection, opened (with everything that depends on the server) when needed. */
    private Connection connection() throws SQLException {
        if (connection != null && !connection.isClosed()) {
            return connection;
        }
        Connection opened = DestinationConnections.open(config);
        try {
            ServerVersion server = ServerVersion.detect(opened);
            SqlDialect dialect = SqlDialect.of(server);
            DestinationTables newTables = new DestinationTables();
            ProgressStore newProgress = new ProgressStore(config.stateDatabase(), connectorName, dialect);
            newProgress.createIfMissing(opened);
            retryRecords.createIfMissing(opened);
            opened.commit();
            ConflictPolicies policies = config.conflictPolicies();
            NameMapping names = config.nameMapping(DestinationTables.lowerCaseTableNames(opened));
            closeWriters();
            writers = new WriterPool(config.applyWriters(), () -> {
                Connection extra = DestinationConnections.open(config);
                // no gap locks between writers inserting into neighbouring keys of one table
                extra.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                return extra;
            });
            applier = new PartitionApplier(newProgress, new RowWriter(dialect, newTables, config.batchMaxRows(), policies, writers,
                    DestinationTables.maxAllowedPacket(opened), metrics),
                    new DdlApplier(newProgress, newTables, policies.table(), collation -> DestinationConnections.open(config, collation), dialect::versionedClauses),
                    new DestinationNames(names, config.collationMapping()), metrics);
            tables = newTables;
            progress = newProgress;
            LOG.info("Destination {}:{} is {}", config.hostname(), config.port(), server);
        } catch (SQLException | RuntimeException e) {
            opened.close(); // published only once everything that depends on it is ready
            throw e;
        }
        connection = opened;
        return connection;
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        awaitInFlight(); // the destination connection is the apply thread's until then
        unloaded.addAll(partitions);
        assigned.addAll(partitions);
        try {
            loadProgress();
        } catch (SQLException e) {
            LOG.warn("Cannot read the sink's progress from the destination yet ({}); will retry before applying", e.getMessage());
            closeQuietly();
        }
    }

    /** Reads the stored progress of newly assigned partitions and seeks the consumer there. */
    private void loadProgress() throws SQLException {
        if (unloaded.isEmpty()) {
            return;
        }
        Connection c = connection();
        Map<TopicPartition, PartitionProgress> stored = progress.load(c, unloaded);
        Map<TopicPartition, ReplayCheck.JournalSummary> journal = progress.journal(c, unloaded);
        c.commit();
        for (TopicPartition tp : unloaded) {
            Optional<String> refusal = ReplayCheck.refusal(config.stateDatabase(), connectorName, tp, stored.get(tp),
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
        for (TopicPartition tp : unloaded) {
            PartitionProgress start = stored.get(tp);
            if (assigned.remove(tp)) {
                start = start == null ? new PartitionProgress(0, null) : start;
                startingAt.put(tp, start);
            }
            if (start != null) {
                offsets.put(tp, start.nextOffset());
            }
        }
        unloaded.clear();
        if (!offsets.isEmpty()) {
            context.offset(offsets);
        }
        if (!stored.isEmpty()) {
            LOG.info("Resuming from progress stored in the destination: {}", stored);
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        settle();
        Map<TopicPartition, List<SinkRecord>> byPartition = new LinkedHashMap<>();
        for (TopicPartition tp : retrying) {
            byPartition.put(tp, new ArrayList<>());
        }
        for (SinkRecord r : records) {
            byPartition.computeIfAbsent(new TopicPartition(r.topic(), r.kafkaPartition()), k -> new ArrayList<>()).add(r);
        }
        if (byPartition.isEmpty()) {
            return;
        }
        Connection c;
        Set<TopicPartition> loadedNow = new HashSet<>(assigned);
        try {
            loadProgress();
            c = connection();
        } catch (ReplayRefusedException e) {
            throw e; // no retry can make this state converge
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            throw retryOrGiveUp(e);
        }
        // Partitions assigned while the destination was unreachable: these records came from Connect's position, not
        // from the destination's; the seek just made redelivers from there
        loadedNow.retainAll(startingAt.keySet());
        byPartition.keySet().removeAll(loadedNow);
        for (Map.Entry<TopicPartition, List<SinkRecord>> e : byPartition.entrySet()) {
            checkFirstRecord(e.getKey(), e.getValue());
        }
        Batch batch = new Batch();
        for (Map.Entry<TopicPartition, List<SinkRecord>> e : byPartition.entrySet()) {
            TopicPartition tp = e.getKey();
            List<SinkRecord> ordered = withHeld(tp, e.getValue());
            int cut = cutAfterWholeTransactions(tp, ordered);
            batch.ordered.put(tp, ordered);
            batch.toApply.put(tp, List.copyOf(ordered.subList(0, cut)));
            held.put(tp, List.copyOf(ordered.subList(cut, ordered.size())));
        }
        retrying.clear();
        forgetDeadLettersBehind();
        inFlight = batch;
        applyThread.start(() -> {
            apply(c, batch);
            return null;
        });
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
        Optional<String> refusal = ReplayCheck.gapRefusal(config.stateDatabase(), connectorName, tp, start.nextOffset(),
                start.replayUntil(), first);
        if (refusal.isPresent()) {
            LOG.error(refusal.get());
            throw new ReplayRefusedException(refusal.get());
        }
        if (ReplayCheck.isMarkerGap(start.nextOffset(), start.replayUntil(), first)) {
            LOG.info("{}: first record at offset {}, one past the stored {} (a transaction marker)", tp, first, start.nextOffset());
        }
    }

    /** Runs on the apply thread: applies each partition's share of the batch, committed with its progress. */
    private void apply(Connection c, Batch batch) throws SQLException {
        try {
            for (Map.Entry<TopicPartition, List<SinkRecord>> e : batch.toApply.entrySet()) {
                TopicPartition tp = e.getKey();
                batch.current = tp;
                pace(e.getValue());
                Set<Long> reported = deadLettered.getOrDefault(tp, Set.of());
                applied.put(tp, applier.apply(c, tp, e.getValue(), applied.getOrDefault(tp, PartitionProgress.START), reported::contains));
            }
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
        retries.onSuccess();
        metrics.retryCleared();
        if (retryRecorded) {
            try {
                retryRecords.clear(c);
                retryRecorded = false;
            } catch (SQLException e) {
                LOG.warn("Cannot clear this task's retry episode in {}.{}: {}", config.stateDatabase(), RetryRecords.TABLE, e.getMessage());
            }
        }
    }

    /**
     * Waits for the batch in flight. When it failed, its records are held to be applied again (after the progress is
     * read again from the destination), and the failure is decided by its {@link FailureClassifier} verdict: a record that
     * can never apply goes to the dead-letter queue and the rest is applied with the next call (or, without a queue, the
     * task fails at once); a policy stop fails the task; a retryable failure is retried within its window (Connect calls
     * again after the backoff) or fails the task naming what failed.
     */
    private void settle() {
        Throwable failure = pendingFailure != null ? pendingFailure : applyThread.await();
        pendingFailure = null;
        Batch failed = inFlight;
        inFlight = null;
        if (failure == null) {
            return;
        }
        failed.ordered.forEach((tp, ordered) -> {
            held.put(tp, ordered);
            retrying.add(tp);
        });
        rereadProgress(failed.ordered.keySet());
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
        TopicPartition tp = failed.current;
        List<SinkRecord> ordered = tp == null ? null : failed.ordered.get(tp);
        if (pinned != null && ordered == null) {
            return; // the partition was revoked meanwhile; its new owner meets the record again
        }
        SinkRecord bad = pinned == null ? null
                : ordered.stream().filter(r -> r.kafkaOffset() == pinned.offset()).findFirst().orElse(null);
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
            loadProgress();
            Connection c = connection();
            PartitionProgress after = applier.apply(c, tp, before, applied.getOrDefault(tp, PartitionProgress.START),
                    deadLettered.getOrDefault(tp, Set.of())::contains);
            applied.put(tp, after);
            if (after.nextOffset() == bad.kafkaOffset()) {
                return "Everything before it is applied (the sink's stored offset is " + after.nextOffset() + "). ";
            }
            return "The sink's stored offset is " + after.nextOffset() + ". ";
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            return "The records before it could not be applied first (" + e.getMessage() + "): restart the task once, so "
                    + "it applies them and stops at this record again, before moving past it. ";
        }
    }

    /** Waits for the batch in flight without deciding a failure yet: the next {@link #put} decides it. */
    private void awaitInFlight() {
        Throwable failure = applyThread.await();
        if (failure != null) {
            pendingFailure = failure;
        }
    }

    /** One call's records: per partition, all in order (with those held before) and what is applied now. */
    private static final class Batch {
        final Map<TopicPartition, List<SinkRecord>> ordered = new LinkedHashMap<>();
        final Map<TopicPartition, List<SinkRecord>> toApply = new LinkedHashMap<>();
        volatile TopicPartition current;

        /**
         * The records the failed attempt was applying: topic, partition, offsets, and where the first comes from
         * (database, table, source position), for messages about a failure that names no single record.
         */
        String describeCurrent() {
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

    /**
     * After a failure, the progress the task holds may be behind what was committed before the failing statement (rows
     * before a DDL, the DDL itself): it is read again from the destination before the next attempt, so nothing
     * committed is applied twice.
     */
    private void rereadProgress(java.util.Set<TopicPartition> partitions) {
        unloaded.addAll(partitions);
    }

    /** Waits as the throttle requires before a batch is applied. */
    private void pace(List<SinkRecord> batch) {
        if (!throttle.limited()) {
            return;
        }
        try {
            long waited = throttle.acquire(batch.size(), batch.stream().mapToLong(RecordSize::of).sum());
            metrics.throttled(waited);
            if (waited > 0) {
                LOG.debug("Throttled for {} ms before {} records", waited, batch.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException("Interrupted while throttled", e);
        }
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
        int max = config.transactionMaxHeldRecords();
        if (max == 0) {
            return TransactionCut.keepingKeyChangesWhole(records, records.size());
        }
        int cut = TransactionCut.after(records);
        if (records.size() - cut > max) {
            LOG.warn("{}: an open source transaction has more than {} records ({}); applying it in parts, so readers of the "
                    + "destination can see part of it", tp, max, MigrationSinkConfig.TRANSACTION_MAX_HELD_RECORDS);
            return TransactionCut.keepingKeyChangesWhole(records, records.size());
        }
        return cut;
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

    /** Dead-lettered offsets the destination's stored offset has passed are stepped over for good: forget them. */
    private void forgetDeadLettersBehind() {
        deadLettered.forEach((tp, offsets) -> {
            PartitionProgress p = applied.get(tp);
            if (p != null) {
                offsets.removeIf(o -> o < p.nextOffset());
            }
        });
        deadLettered.values().removeIf(Set::isEmpty);
    }

    /** Retry within the window of the failure's kind, or give up naming what failed. */
    private RuntimeException retryOrGiveUp(Exception e) {
        return retryOrGiveUp(e, null);
    }

    /** Retry within the window of the failure's kind, or give up naming what failed and {@code where} (null: unknown). */
    private RuntimeException retryOrGiveUp(Exception e, String where) {
        FailureKind kind = FailureKind.of(e);
        if (kind == FailureKind.CONNECTION) {
            closeQuietly();
        }
        String setting = kind == FailureKind.CONNECTION ? MigrationSinkConfig.RETRY_CONNECTION_MINUTES : MigrationSinkConfig.RETRY_OTHER_MINUTES;
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
        Connection c = DestinationConnections.open(config);
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION innodb_lock_wait_timeout = 5");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private void clearRetryRecord() {
        if (!retryRecorded || retryRecords == null) {
            return;
        }
        try (Connection c = retryRecordConnection()) {
            retryRecords.clear(c);
            retryRecorded = false;
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Cannot clear the retry episode in the destination: {}", e.getMessage());
        }
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        awaitInFlight(); // report the newest committed offsets; a failure is decided by the next put, never thrown here
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        for (TopicPartition tp : currentOffsets.keySet()) {
            PartitionProgress p = applied.get(tp);
            if (p != null && p.nextOffset() >= 0) {
                committed.put(tp, new OffsetAndMetadata(p.nextOffset()));
            }
        }
        return committed;
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        awaitInFlight();
        if (inFlight != null) {
            partitions.forEach(inFlight.ordered::remove); // a failed batch is applied again for the partitions kept only
        }
        retrying.removeAll(partitions);
        partitions.forEach(applied::remove);
        partitions.forEach(held::remove);
        partitions.forEach(deadLettered::remove);
        unloaded.removeAll(partitions);
        partitions.forEach(startingAt::remove);
        assigned.removeAll(partitions);
    }

    @Override
    public void stop() {
        if (applyThread != null) {
            applyThread.close();
        }
        closeQuietly();
        if (metrics != null && metrics.isRetrying()) {
            clearRetryRecord(); // a stopped task retries nothing; status must not show it stuck
        }
        if (metrics != null) {
            metrics.close();
        }
    }

    /**
     * Undoes the failed attempt. The table structures the sink knows are forgotten too: the failure may come from a
     * destination table changed behind the sink's back, and the next attempt must see it as it is.
     */
    private void rollbackQuietly() {
        if (tables != null) {
            tables.invalidate();
        }
        try {
            if (connection != null && !connection.isClosed()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            closeQuietly();
        }
    }

    private void closeWriters() {
        if (writers != null) {
            writers.close();
            writers = null;
        }
    }

    private void closeQuietly() {
        closeWriters();
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // the connection is gone either way
        }
        connection = null;
    }
}
