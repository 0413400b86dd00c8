package io.mysqlmigrate.source;

import io.mysqlmigrate.dialect.CharsetDefaults;
import io.mysqlmigrate.dialect.SqlDialect;
import io.mysqlmigrate.source.capture.BinlogConnectionWatch;
import io.mysqlmigrate.source.capture.CaptureRestarts;
import io.mysqlmigrate.source.capture.DebeziumSettings;
import io.mysqlmigrate.source.capture.SnapshotDefinitions;
import io.mysqlmigrate.source.capture.SourceConnections;
import io.mysqlmigrate.source.capture.SourceEndpoint;
import io.mysqlmigrate.source.capture.SourceServerProbe;
import io.mysqlmigrate.source.heartbeat.HeartbeatTable;
import io.mysqlmigrate.source.heartbeat.HeartbeatWriter;
import io.mysqlmigrate.source.metrics.SourceTaskMetrics;
import io.mysqlmigrate.source.objects.ObjectMigration;
import io.mysqlmigrate.source.onlineddl.OnlineSchemaChanges;
import io.mysqlmigrate.source.phase.CompletionMarker;
import io.mysqlmigrate.source.phase.MigrationType;
import io.mysqlmigrate.source.phase.MigrationTypeGate;
import io.mysqlmigrate.source.position.ResumePosition;
import io.mysqlmigrate.source.position.StoredPosition;
import io.mysqlmigrate.source.routing.DatabaseTopicRouter;
import io.mysqlmigrate.source.selection.RecordSelection;
import io.mysqlmigrate.source.selection.TableName;
import io.mysqlmigrate.source.selection.TableSelection;
import io.mysqlmigrate.source.selection.condition.RowCondition;
import io.mysqlmigrate.source.throttle.PhaseThrottle;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the parts a source task runs from its settings and from what the source turned out to be: it refuses an
 * unusable TLS setting, asks the source what it is, and hands each part only the settings it needs. A failure names
 * the settings to correct.
 */
final class SourceTaskWiring {

    private static final Logger LOG = LoggerFactory.getLogger(SourceTaskWiring.class);

    private final MigrationSourceConfig config;
    private final String connectorName;
    private final SourceEndpoint endpoint;
    private final Map<TableName, RowCondition> rowFilters;
    private final SourceServerProbe.SourceServer source;
    private final RecordSelection selection;
    /** Null without heartbeats. */
    private final HeartbeatTable heartbeat;

    SourceTaskWiring(MigrationSourceConfig config, String connectorName) {
        this.config = config;
        this.connectorName = connectorName;
        String tlsProblem = config.tls().problem();
        if (tlsProblem != null) {
            throw new ConnectException(MigrationSourceConfig.SOURCE_SSL_MODE + "=" + config.tls().mode().configName() + ": " + tlsProblem
                    + ". Set " + MigrationSourceConfig.SOURCE_SSL_CA + " to the CA's PEM text or to a PEM file present on every worker.");
        }
        this.endpoint = config.sourceEndpoint();
        this.rowFilters = config.rowFilters();
        this.source = probe();
        this.selection = RecordSelection.of(new TableSelection(config.databases(), config.tables(), config.tablesExcluded()),
                config.incrementalOperations(), rowFilters, source.filteredTableColumns(), source.timeZone());
        LOG.info("Source {}:{} is {} (server {}); migration types {}", config.hostname(), config.port(), source.version(),
                source.identity(), MigrationType.describe(config.migrationTypes()));
        this.heartbeat = config.heartbeatIntervalMs() > 0 ? new HeartbeatTable(config.heartbeatTable(), config.topicPrefix(),
                !config.databases().contains(config.heartbeatTable().database())) : null;
    }

    private SourceServerProbe.SourceServer probe() {
        try {
            return SourceServerProbe.detect(endpoint, config.databases(), rowFilters.keySet());
        } catch (SQLException e) {
            throw new ConnectException("Cannot read the source " + config.user() + "@" + config.hostname() + ":"
                    + config.port() + " (" + e.getMessage() + "). Check " + MigrationSourceConfig.SOURCE_HOSTNAME + ", "
                    + MigrationSourceConfig.SOURCE_PORT + ", " + MigrationSourceConfig.SOURCE_USER + " and "
                    + MigrationSourceConfig.SOURCE_PASSWORD + ", and that the server accepts connections from this worker.", e);
        }
    }

    SourceServerProbe.SourceServer source() {
        return source;
    }

    /** Debezium's settings for this source, to change before the capture starts. */
    Map<String, String> debeziumSettings() {
        return new LinkedHashMap<>(DebeziumSettings.from(config.captureSettings(connectorName), source.version().flavour(),
                connectorName, source.floatTables(), SqlDialect.of(source.version())));
    }

    /** Where the capture resumes (incremental migrations only), against the source's binary logs. */
    ResumePosition resumePosition(OffsetStorageReader offsets) {
        StoredPosition stored = config.migrationTypes().contains(MigrationType.INCREMENTAL)
                ? StoredPosition.read(offsets, config.topicPrefix()) : null;
        return new ResumePosition(stored, source.binaryLogs(), MigrationSourceConfig.LOST_POSITION_ACTION);
    }

    DatabaseTopicRouter router() {
        return new DatabaseTopicRouter(config.topicPrefix(), source.identity());
    }

    ObjectMigration objects(DatabaseTopicRouter router) {
        return new ObjectMigration(endpoint, config.objectSettings(), router, "mysql-migrate-objects-" + connectorName);
    }

    PhaseThrottle throttle() {
        return new PhaseThrottle(config.fullLoadThrottle(), config.incrementalThrottle());
    }

    SnapshotDefinitions snapshotDefinitions() {
        return new SnapshotDefinitions(() -> SourceConnections.open(endpoint));
    }

    /** The record pipeline; reads the source's character sets and the online schema changes' held ALTERs. */
    RecordPipeline pipeline(DatabaseTopicRouter router, ObjectMigration objects, SnapshotDefinitions definitions,
                            OffsetStorageReader offsets, SourceTaskMetrics metrics) {
        String charsetDefaults;
        try (Connection c = SourceConnections.open(endpoint)) {
            charsetDefaults = CharsetDefaults.encode(CharsetDefaults.read(c));
        } catch (SQLException e) {
            throw new ConnectException("Cannot read the source's character sets and their default collations "
                    + "(information_schema.CHARACTER_SETS): " + e.getMessage(), e);
        }
        OnlineSchemaChanges onlineSchemaChanges = config.onlineSchemaChanges(OnlineSchemaChanges.PendingAlters.decode(
                CompletionMarker.storedOnlineDdlState(offsets, config.topicPrefix())));
        return new RecordPipeline(heartbeat, new MigrationTypeGate(config.migrationTypes()), definitions, charsetDefaults,
                onlineSchemaChanges, selection, objects, router, metrics, config.topicPrefix());
    }

    /** Creates the heartbeat table when missing and starts writing beats; null without heartbeats. */
    HeartbeatWriter startHeartbeat() {
        if (heartbeat == null) {
            return null;
        }
        try {
            heartbeat.ensureExists(endpoint);
        } catch (SQLException e) {
            throw new ConnectException("Cannot prepare the heartbeat table " + heartbeat.table() + " on the source (" + e.getMessage()
                    + "). Heartbeats write to the source: grant the source account " + heartbeat.privilegesNeeded() + ", choose another "
                    + MigrationSourceConfig.HEARTBEAT_TABLE + ", or set " + MigrationSourceConfig.HEARTBEAT_INTERVAL_MS
                    + "=0 to measure the delay from binary log timestamps instead.", e);
        }
        return new HeartbeatWriter(endpoint, heartbeat, connectorName).start(config.heartbeatIntervalMs());
    }

    /** Starts following the binary log reader's connection (incremental migrations). */
    BinlogConnectionWatch watchBinlog(SourceTaskMetrics metrics) {
        return new BinlogConnectionWatch(BinlogConnectionWatch.debeziumStreamingMetrics(config.topicPrefix()),
                System::currentTimeMillis, metrics, sourceName(),
                MigrationSourceConfig.BINLOG_KEEPALIVE_INTERVAL_MS + "=" + config.binlogKeepAliveIntervalMs())
                .start("mysql-migrate-binlog-watch-" + connectorName);
    }

    /** How logs name the source: {@code host:port (server identity)}. */
    String sourceName() {
        return config.hostname() + ":" + config.port() + " (server " + source.identity() + ")";
    }

    CaptureRestarts captureRestarts() {
        return new CaptureRestarts(config.binlogKeepAliveIntervalMs());
    }
}
