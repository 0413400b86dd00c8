package io.mysqlmigrate.source;

import io.mysqlmigrate.dialect.CharsetDefaults;
import io.mysqlmigrate.dialect.ServerVersion;
import io.mysqlmigrate.dialect.SqlDialect;
import io.mysqlmigrate.source.capture.BinlogConnectionWatch;
import io.mysqlmigrate.source.capture.DebeziumSettings;
import io.mysqlmigrate.source.capture.DebeziumTaskFactory;
import io.mysqlmigrate.source.capture.DelegatingTaskContext;
import io.mysqlmigrate.source.capture.ExactNameSnapshotter;
import io.mysqlmigrate.source.capture.SourceServerProbe;
import io.mysqlmigrate.source.heartbeat.HeartbeatTable;
import io.mysqlmigrate.source.heartbeat.HeartbeatWriter;
import io.mysqlmigrate.source.metrics.SourceTaskMetrics;
import io.mysqlmigrate.source.capture.SnapshotDefinitions;
import io.mysqlmigrate.source.capture.SourceConnections;
import io.mysqlmigrate.source.objects.AccountCatalog;
import io.mysqlmigrate.source.objects.ObjectCatalog;
import io.mysqlmigrate.source.objects.ObjectChangeRecords;
import io.mysqlmigrate.source.objects.ObjectSync;
import io.mysqlmigrate.source.objects.ObjectWatcher;
import io.mysqlmigrate.source.objects.SourceObject;
import io.mysqlmigrate.source.onlineddl.OnlineSchemaChanges;
import io.mysqlmigrate.source.phase.CompletionMarker;
import io.mysqlmigrate.source.phase.DebeziumSnapshotProgress;
import io.mysqlmigrate.source.phase.MigrationPhase;
import io.mysqlmigrate.source.phase.MigrationTypeGate;
import io.mysqlmigrate.source.phase.SnapshotRecords;
import io.mysqlmigrate.source.position.LostPositionException;
import io.mysqlmigrate.source.position.StoredPosition;
import io.mysqlmigrate.source.routing.DatabaseTopicRouter;
import io.mysqlmigrate.source.selection.RecordSelection;
import io.mysqlmigrate.source.selection.TableName;
import io.mysqlmigrate.source.selection.TableSelection;
import io.mysqlmigrate.throttle.RowBytes;
import io.mysqlmigrate.throttle.Throttle;
import io.mysqlmigrate.source.selection.condition.RowCondition;
import io.mysqlmigrate.source.routing.EventKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Debezium's capture for the source's flavour, keeps out what the migration types exclude, and routes the rest
 * into one ordered topic per database. Offsets are Debezium's own, stored by the worker as usual. A migration
 * without incremental ends here: once the snapshot is in Kafka the task writes its completion marker, stops the
 * capture and idles until the connector is deleted.
 */
public final class MigrationSourceTask extends SourceTask {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationSourceTask.class);
    private static final long IDLE_POLL_MILLIS = 500;

    private MigrationSourceConfig config;
    private String connectorName;
    private Set<MigrationType> types;
    private volatile SourceTask capture;
    private DatabaseTopicRouter router;
    private MigrationTypeGate gate;
    private RecordSelection selection;
    private Throttle fullLoadThrottle;
    private Throttle incrementalThrottle;
    private final ObjectSync objectSync = new ObjectSync();
    private final ObjectChangeRecords objectRecords = new ObjectChangeRecords();
    private boolean objectsMigrated;
    /** Reads the catalog for changes once the objects are migrated (incremental migrations only). */
    private ObjectWatcher objectWatcher;
    private OnlineSchemaChanges onlineSchemaChanges;
    private SnapshotDefinitions snapshotDefinitions;
    /** The source server's default collation of each character set, sent with every schema change. */
    private String charsetDefaults;
    private HeartbeatTable heartbeat;
    private HeartbeatWriter heartbeatWriter;
    private StoredPosition resumeFrom;
    private List<String> binaryLogs = List.of();
    private DebeziumSnapshotProgress snapshotProgress;
    private SourceTaskMetrics metrics;
    /** Tells when the binary log connection is lost and back (incremental migrations only). */
    private BinlogConnectionWatch binlogWatch;
    private boolean finishes;
    private boolean markerSent;
    private volatile boolean markerCommitted;

    @Override
    public String version() {
        return MigrationSourceConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        config = new MigrationSourceConfig(props);
        connectorName = props.getOrDefault(MigrationSourceConnector.CONNECTOR_NAME_KEY, config.topicPrefix());
        types = config.migrationTypes();
        finishes = !types.contains(MigrationType.INCREMENTAL);
        metrics = new SourceTaskMetrics().register(connectorName);
        if (finishes && CompletionMarker.alreadyCompleted(context.offsetStorageReader(), config.topicPrefix())) {
            LOG.info("Migration '{}' ({}) completed in an earlier run; the source is not read again. To migrate again, "
                    + "delete the connector and register it with a new topic.prefix.", connectorName, MigrationType.describe(types));
            metrics.phase(MigrationPhase.COMPLETED);
            markerSent = true;
            markerCommitted = true;
            return;
        }
        String tlsProblem = config.tls().problem();
        if (tlsProblem != null) {
            throw new ConnectException(MigrationSourceConfig.SOURCE_SSL_MODE + "=" + config.tls().mode().configName() + ": " + tlsProblem
                    + ". Set " + MigrationSourceConfig.SOURCE_SSL_CA + " to the CA's PEM text or to a PEM file present on every worker.");
        }
        Map<TableName, RowCondition> rowFilters = config.rowFilters();
        SourceServerProbe.SourceServer source = SourceServerProbe.detect(config, rowFilters.keySet());
        selection = RecordSelection.of(new TableSelection(config.databases(), config.tables(), config.tablesExcluded()),
                config.incrementalOperations(), rowFilters, source);
        ServerVersion server = source.version();
        LOG.info("Source {}:{} is {} (server {}); migration types {}", config.hostname(), config.port(), server, source.identity(),
                MigrationType.describe(types));
        Map<String, String> debezium = new LinkedHashMap<>(DebeziumSettings.from(config, server.flavour(), connectorName,
                source.floatTables(), SqlDialect.of(server)));
        binaryLogs = source.binaryLogs();
        resumeFrom = types.contains(MigrationType.INCREMENTAL) ? StoredPosition.read(context.offsetStorageReader(), config.topicPrefix()) : null;
        boolean startOver = false;
        if (resumeFrom != null && resumeFrom.purgedFrom(binaryLogs)) {
            if (!config.snapshotOnLostPosition()) {
                throw new LostPositionException(resumeFrom, binaryLogs, MigrationSourceConfig.LOST_POSITION_ACTION, null);
            }
            LOG.warn("The binary log position {} has been purged from the source (oldest binary log: {}); {}=snapshot: "
                    + "starting over with a fresh snapshot", resumeFrom, binaryLogs.get(0), MigrationSourceConfig.LOST_POSITION_ACTION);
            debezium.put("snapshot.mode", "initial");
            startOver = true;
        }
        router = new DatabaseTopicRouter(config.topicPrefix(), source.identity());
        gate = new MigrationTypeGate(types);
        fullLoadThrottle = config.fullLoadThrottle();
        incrementalThrottle = config.incrementalThrottle();
        snapshotDefinitions = new SnapshotDefinitions(() -> SourceConnections.open(config));
        try (java.sql.Connection c = SourceConnections.open(config)) {
            charsetDefaults = CharsetDefaults.encode(CharsetDefaults.read(c));
        } catch (java.sql.SQLException e) {
            throw new ConnectException("Cannot read the source's character sets and their default collations "
                    + "(information_schema.CHARACTER_SETS): " + e.getMessage(), e);
        }
        onlineSchemaChanges = config.onlineSchemaChanges(OnlineSchemaChanges.PendingAlters.decode(
                CompletionMarker.storedOnlineDdlState(context.offsetStorageReader(), config.topicPrefix())));
        snapshotProgress = new DebeziumSnapshotProgress(config.topicPrefix());
        if (config.heartbeatIntervalMs() > 0) {
            heartbeat = new HeartbeatTable(config.heartbeatTable(), config.topicPrefix(),
                    !config.databases().contains(config.heartbeatTable().database()));
            heartbeat.ensureExists(config);
            heartbeatWriter = new HeartbeatWriter(config, heartbeat, connectorName).start(config.heartbeatIntervalMs());
        }
        capture = DebeziumTaskFactory.newTask(server.flavour());
        Map<String, String> captureSettings = ExactNameSnapshotter.routed(debezium);
        capture.initialize(new DelegatingTaskContext(context, captureSettings, startOver));
        try {
            capture.start(captureSettings);
        } catch (RuntimeException e) {
            throw lostPositionOr(e);
        }
        metrics.phase(MigrationPhase.SNAPSHOT);
        if (types.contains(MigrationType.INCREMENTAL)) {
            binlogWatch = new BinlogConnectionWatch(BinlogConnectionWatch.debeziumStreamingMetrics(config.topicPrefix()),
                    System::currentTimeMillis, metrics, config.hostname() + ":" + config.port() + " (server " + source.identity() + ")",
                    config.binlogKeepAliveIntervalMs()).start("mysql-migrate-binlog-watch-" + connectorName);
        }
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (markerSent) {
            if (markerCommitted && capture != null) {
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
            throw lostPositionOr(e);
        }
        List<SourceRecord> out = raw == null || raw.isEmpty() ? new ArrayList<>() : process(raw);
        out.addAll(objectChanges(snapshotDoneBeforePoll));
        if ((raw == null || raw.isEmpty()) && snapshotDoneBeforePoll) {
            if (finishes && objectsMigrated) {
                markerSent = true;
                out.add(CompletionMarker.record(config.topicPrefix(), types, Instant.now()));
            } else if (!finishes) {
                metrics.phase(MigrationPhase.INCREMENTAL);
            }
        }
        metrics.forwarded(out.size());
        throttle(out);
        return out;
    }

    /** Holds the batch back as long as the caps of its phase require; snapshot rows count against the full-load caps. */
    private void throttle(List<SourceRecord> out) throws InterruptedException {
        long snapshotRows = 0;
        long snapshotBytes = 0;
        long streamedRows = 0;
        long streamedBytes = 0;
        for (SourceRecord r : out) {
            if (EventKind.of(r) != EventKind.ROW_CHANGE) {
                continue;
            }
            Struct value = (Struct) r.value();
            Object image = value.get("after") != null ? value.get("after") : value.get("before");
            if (SnapshotRecords.isSnapshot(r)) {
                snapshotRows++;
                snapshotBytes += RowBytes.of(image);
            } else {
                streamedRows++;
                streamedBytes += RowBytes.of(image);
            }
        }
        metrics.throttled(fullLoadThrottle.acquire(snapshotRows, snapshotBytes) + incrementalThrottle.acquire(streamedRows, streamedBytes));
    }

    private List<SourceRecord> process(List<SourceRecord> raw) {
        List<SourceRecord> kept = new ArrayList<>(raw.size());
        for (SourceRecord r : raw) {
            if (heartbeat != null && heartbeat.isAbout(r)) {
                Long beat = SnapshotRecords.isSnapshot(r) ? null : heartbeat.beatMicros(r);
                if (beat != null) {
                    metrics.delayMillis(System.currentTimeMillis() - beat / 1000);
                }
                continue;
            }
            if (!gate.passes(r)) {
                continue;
            }
            if (EventKind.of(r) == EventKind.SCHEMA_CHANGE) {
                r = snapshotDefinitions.restore(r, SnapshotRecords.isSnapshot(r));
                if (charsetDefaults != null) {
                    r.headers().addString(CharsetDefaults.HEADER, charsetDefaults);
                }
            }
            for (SourceRecord changed : onlineSchemaChanges.handle(r, EventKind.of(r))) {
                SourceRecord selected = selection.select(changed);
                if (selected != null) {
                    kept.add(selected);
                    observe(selected);
                    objectRecords.observe(selected, EventKind.of(selected) == EventKind.SCHEMA_CHANGE);
                }
            }
        }
        metrics.filtered(Math.max(0, raw.size() - kept.size()));
        List<SourceRecord> out = new ArrayList<>(router.route(kept));
        if (onlineSchemaChanges.pending().takeChanged()) {
            out.add(CompletionMarker.onlineDdlState(config.topicPrefix(), onlineSchemaChanges.pending().encode()));
        }
        return out;
    }

    /**
     * The views, routines, triggers and events this migration keeps in step. As in DTS, selecting tables (rather than
     * whole databases) migrates those tables only, not the databases' views, routines, triggers and events.
     */
    private List<SourceObject> migratedObjects(Connection c) throws SQLException {
        List<SourceObject> objects = new ArrayList<>();
        if (config.tables().isEmpty()) {
            objects.addAll(ObjectCatalog.viewsAndRoutines(c, config.databases()));
            if (config.triggersImmediately()) {
                objects.addAll(ObjectCatalog.guardedTriggers(c, config.databases()));
            }
            if (config.migrateEvents()) {
                objects.addAll(ObjectCatalog.disabledEvents(c, config.databases()));
            }
        }
        return objects;
    }

    /**
     * Views, procedures and functions: all of them once the snapshot is through (with schema migration), then what
     * changed at each check (with incremental migration). Never inside an open source transaction.
     */
    private List<SourceRecord> objectChanges(boolean snapshotDone) {
        boolean initial = !objectsMigrated;
        if (initial ? !snapshotDone : objectWatcher == null) {
            return List.of();
        }
        if (router.inTransaction()) {
            return List.of();
        }
        List<ObjectSync.Statement> statements;
        if (!initial) {
            List<SourceObject> objects = objectWatcher.take();
            if (objects == null) {
                return List.of();
            }
            statements = objectSync.diff(objects);
        } else {
            try (Connection c = SourceConnections.open(config)) {
                List<SourceObject> objects = migratedObjects(c);
                statements = new ArrayList<>();
                if (types.contains(MigrationType.SCHEMA) && !config.accounts().isEmpty()) {
                    // Accounts first: a view or routine may be granted to them. They are global; the first database's
                    // topic carries them.
                    for (String ddl : AccountCatalog.statements(c, config.accounts())) {
                        statements.add(new ObjectSync.Statement(config.databases().get(0), ddl));
                    }
                }
                statements.addAll(objectSync.diff(objects));
            } catch (SQLException | IllegalArgumentException e) {
                if (types.contains(MigrationType.SCHEMA)) {
                    throw new ConnectException("Cannot read the views and routines of " + config.databases() + " on the source to "
                            + "migrate them: " + e.getMessage(), e);
                }
                LOG.warn("Cannot read the source's views and routines ({}); trying again", e.getMessage());
                return List.of();
            }
            if (!finishes && config.objectsSyncIntervalMs() > 0) {
                objectWatcher = new ObjectWatcher(() -> SourceConnections.open(config), this::migratedObjects,
                        config.objectsSyncIntervalMs(), "mysql-migrate-objects-" + connectorName);
            }
        }
        objectsMigrated = true;
        if (initial && !types.contains(MigrationType.SCHEMA)) {
            return List.of(); // the destination's own objects stand; later changes are migrated
        }
        if (!statements.isEmpty() && !objectRecords.ready()) {
            LOG.warn("{} view and routine statements cannot be sent yet: no schema change has been seen to shape them", statements.size());
            return List.of();
        }
        List<SourceRecord> records = new ArrayList<>();
        for (ObjectSync.Statement st : statements) {
            records.add(objectRecords.create(st.database(), st.ddl(), st.context()));
            LOG.info("View or routine of {} migrated: {}", st.database(), st.ddl().lines().findFirst().orElse(""));
        }
        return router.route(records);
    }

    /** Phase and delay from a forwarded record: the first streamed change moves the task to INCREMENTAL. */
    private void observe(SourceRecord r) {
        EventKind kind = EventKind.of(r);
        if (kind != EventKind.ROW_CHANGE && kind != EventKind.SCHEMA_CHANGE) {
            return;
        }
        if (SnapshotRecords.isSnapshot(r)) {
            return;
        }
        if (metrics.phase() == MigrationPhase.SNAPSHOT) {
            metrics.phase(MigrationPhase.INCREMENTAL);
        }
        Struct source = ((Struct) r.value()).getStruct("source");
        Object ts = source == null || source.schema().field("ts_ms") == null ? null : source.get("ts_ms");
        if (heartbeat == null && ts instanceof Long committedAt) {
            metrics.delayMillis(System.currentTimeMillis() - committedAt);
        }
    }

    @Override
    public void commit() throws InterruptedException {
        SourceTask reader = capture;
        if (reader != null) {
            reader.commit();
        }
    }

    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) throws InterruptedException {
        if (CompletionMarker.isMarker(record)) {
            markerCommitted = true;
            return;
        }
        if (CompletionMarker.isOwnRecord(record)) {
            return;
        }
        SourceTask reader = capture;
        if (reader != null) {
            reader.commitRecord(record, metadata);
        }
    }

    /** A failure to read a purged binary log, told in terms of the migration and its recovery; others unchanged. */
    private RuntimeException lostPositionOr(RuntimeException e) {
        if (LostPositionException.isPurgedLogError(e)) {
            return new LostPositionException(resumeFrom, binaryLogs, MigrationSourceConfig.LOST_POSITION_ACTION, e);
        }
        return e;
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
        SourceTask c = capture;
        capture = null;
        if (c != null) {
            c.stop();
        }
    }

    @Override
    public void stop() {
        if (objectWatcher != null) {
            objectWatcher.close();
            objectWatcher = null;
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
