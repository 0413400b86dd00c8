package io.mysqlmigrate.source;

import io.mysqlmigrate.dialect.Flavour;
import io.mysqlmigrate.source.capture.BinlogConnectionWatch;
import io.mysqlmigrate.source.capture.CaptureRestarts;
import io.mysqlmigrate.source.capture.DebeziumTaskFactory;
import io.mysqlmigrate.source.capture.DelegatingTaskContext;
import io.mysqlmigrate.source.capture.ExactNameSnapshotter;
import io.mysqlmigrate.source.capture.SnapshotDefinitions;
import io.mysqlmigrate.source.heartbeat.HeartbeatWriter;
import io.mysqlmigrate.source.metrics.SourceTaskMetrics;
import io.mysqlmigrate.source.objects.ObjectMigration;
import io.mysqlmigrate.source.phase.CompletionTracker;
import io.mysqlmigrate.source.phase.DebeziumSnapshotProgress;
import io.mysqlmigrate.source.phase.MigrationPhase;
import io.mysqlmigrate.source.phase.MigrationType;
import io.mysqlmigrate.source.position.ResumePosition;
import io.mysqlmigrate.source.routing.DatabaseTopicRouter;
import io.mysqlmigrate.source.throttle.PhaseThrottle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Debezium's capture for the source's flavour and hands what it reads through the {@link RecordPipeline} into
 * one ordered topic per database, with the views, routines, triggers and events ({@link ObjectMigration}), under the
 * caps of the current phase. Offsets are Debezium's own, stored by the worker as usual. A migration without
 * incremental ends here: once the snapshot is in Kafka the task writes its completion marker, stops the capture and
 * idles until the connector is deleted.
 */
public final class MigrationSourceTask extends SourceTask {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationSourceTask.class);
    private static final long IDLE_POLL_MILLIS = 500;

    private String connectorName;
    private Set<MigrationType> types;
    private SourceTaskMetrics metrics;
    private CompletionTracker completion;
    private volatile SourceTask capture;
    private ResumePosition resume;
    private RecordPipeline pipeline;
    private ObjectMigration objects;
    private PhaseThrottle throttle;
    private DebeziumSnapshotProgress snapshotProgress;
    private SnapshotDefinitions snapshotDefinitions;
    private HeartbeatWriter heartbeatWriter;
    /** Tells when the binary log connection is lost and back (incremental migrations only). */
    private BinlogConnectionWatch binlogWatch;
    /** Debezium's task for the source's flavour, with its settings: started again when its connection broke mid-event. */
    private Flavour flavour;
    private Map<String, String> captureSettings;
    private CaptureRestarts restarts;
    private String sourceName;
    /** Whether the capture started over after a purged position and has committed no record of its own yet. */
    private volatile boolean startOver;
    private volatile boolean recordAcknowledged;
    private volatile boolean stopping;
    private final Object captureLock = new Object();

    @Override
    public String version() {
        return MigrationSourceConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        MigrationSourceConfig config = new MigrationSourceConfig(props);
        connectorName = props.getOrDefault(MigrationSourceConnector.CONNECTOR_NAME_KEY, config.topicPrefix());
        types = config.migrationTypes();
        completion = new CompletionTracker(types, config.topicPrefix());
        metrics = new SourceTaskMetrics().register(connectorName);
        if (completion.completedEarlier(context.offsetStorageReader())) {
            LOG.info("Migration '{}' ({}) completed in an earlier run; the source is not read again. To migrate again, "
                    + "delete the connector and register it with a new topic.prefix.", connectorName, MigrationType.describe(types));
            metrics.phase(MigrationPhase.COMPLETED);
            return;
        }
        SourceTaskWiring wiring = new SourceTaskWiring(config, connectorName);
        Map<String, String> debezium = wiring.debeziumSettings();
        resume = wiring.resumePosition(context.offsetStorageReader());
        boolean startOver = resume.purged();
        if (startOver) {
            if (!config.snapshotOnLostPosition()) {
                throw resume.lost();
            }
            LOG.warn("The binary log position {} has been purged from the source (oldest binary log: {}); {}=snapshot: "
                    + "starting over with a fresh snapshot", resume.stored(), resume.oldestBinaryLog(), MigrationSourceConfig.LOST_POSITION_ACTION);
            debezium.put("snapshot.mode", "initial");
        }
        DatabaseTopicRouter router = wiring.router();
        objects = wiring.objects(router);
        throttle = wiring.throttle();
        snapshotDefinitions = wiring.snapshotDefinitions();
        pipeline = wiring.pipeline(router, objects, snapshotDefinitions, context.offsetStorageReader(), metrics);
        snapshotProgress = new DebeziumSnapshotProgress(config.topicPrefix());
        heartbeatWriter = wiring.startHeartbeat();
        flavour = wiring.source().version().flavour();
        captureSettings = ExactNameSnapshotter.routed(debezium);
        restarts = wiring.captureRestarts();
        sourceName = wiring.sourceName();
        this.startOver = startOver;
        startCapture(startOver);
        metrics.phase(MigrationPhase.SNAPSHOT);
        if (types.contains(MigrationType.INCREMENTAL)) {
            binlogWatch = wiring.watchBinlog(metrics);
        }
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (completion.markerSent()) {
            if (completion.markerCommitted() && capture != null) {
                stopCapture();
                metrics.phase(MigrationPhase.COMPLETED);
                LOG.info("Migration '{}' ({}) completed: every snapshot record is in Kafka; the source is no longer read.",
                        connectorName, MigrationType.describe(types));
            }
            Thread.sleep(IDLE_POLL_MILLIS);
            return null;
        }
        // Read before polling: a snapshot seen complete before an empty poll has nothing left in Debezium's queue.
        SourceTask reader = capture;
        if (reader == null) {
            return null;
        }
        boolean snapshotDoneBeforePoll = snapshotProgress.completed();
        List<SourceRecord> raw;
        try {
            raw = reader.poll();
        } catch (RuntimeException e) {
            if (!restarts.restartAfter(e)) {
                throw resume.explain(e);
            }
            restartCapture(e);
            return null;
        }
        boolean empty = raw == null || raw.isEmpty();
        if (!empty) {
            restarts.readSomething();
        }
        List<SourceRecord> out = empty ? new ArrayList<>() : pipeline.process(raw);
        out.addAll(objects.changes(snapshotDoneBeforePoll));
        if (empty && snapshotDoneBeforePoll) {
            if (completion.finishes() && objects.migrated()) {
                out.add(completion.marker(Instant.now()));
            } else if (!completion.finishes()) {
                metrics.phase(MigrationPhase.INCREMENTAL);
            }
        }
        metrics.forwarded(out.size());
        metrics.throttled(throttle.acquire(out));
        return out;
    }

    @Override
    public void commit() throws InterruptedException {
        SourceTask reader = capture;
        if (reader != null) {
            reader.commit();
        }
        if (recordAcknowledged) {
            startOver = false; // the fresh start's offsets are stored now: a restart resumes from them
        }
    }

    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) throws InterruptedException {
        if (completion.committedOwnRecord(record)) {
            return;
        }
        SourceTask reader = capture;
        if (reader != null) {
            reader.commitRecord(record, metadata);
            recordAcknowledged = true;
        }
    }

    private void startCapture(boolean startOver) {
        capture = DebeziumTaskFactory.newTask(flavour);
        capture.initialize(new DelegatingTaskContext(context, captureSettings, startOver));
        try {
            capture.start(captureSettings);
        } catch (RuntimeException e) {
            throw resume.explain(e);
        }
    }

    /**
     * Debezium's task stopped on a binary log connection broken mid-event: a new one resumes from the committed offsets
     * (or starts over again, while a fresh start over a purged position has committed nothing yet). Nothing is started
     * once {@link #stop} has begun.
     */
    private void restartCapture(RuntimeException failure) throws InterruptedException {
        LOG.warn("The binary log connection to {} broke in the middle of an event ({}); Debezium's reader stopped. Starting"
                + " it again from the last committed position in {} ms (attempt {} of {} without a record read).", sourceName,
                rootCause(failure), restarts.pauseMs(), restarts.attempts(), CaptureRestarts.MAX_ATTEMPTS);
        synchronized (captureLock) {
            SourceTask broken = capture;
            capture = null;
            try {
                broken.stop();
            } catch (RuntimeException e) {
                LOG.warn("Stopping Debezium's failed reader of {} failed too ({}); starting a new one anyway", sourceName, e.toString());
            }
        }
        Thread.sleep(restarts.pauseMs());
        synchronized (captureLock) {
            if (!stopping) {
                startCapture(startOver);
            }
        }
    }

    private static String rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private void stopCapture() {
        if (binlogWatch != null) {
            binlogWatch.close(); // first: stopping the capture ends the connection on purpose
            binlogWatch = null;
        }
        if (heartbeatWriter != null) {
            heartbeatWriter.close();
            heartbeatWriter = null;
        }
        synchronized (captureLock) {
            SourceTask c = capture;
            capture = null;
            if (c != null) {
                c.stop();
            }
        }
    }

    @Override
    public void stop() {
        stopping = true;
        if (objects != null) {
            objects.close();
        }
        stopCapture();
        if (snapshotDefinitions != null) {
            snapshotDefinitions.close();
        }
        if (metrics != null) {
            metrics.close();
        }
    }
}
