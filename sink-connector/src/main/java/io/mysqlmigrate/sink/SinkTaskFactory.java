package io.mysqlmigrate.sink;

import io.mysqlmigrate.dialect.ServerVersion;
import io.mysqlmigrate.dialect.SqlDialect;
import io.mysqlmigrate.sink.apply.ApplyThread;
import io.mysqlmigrate.sink.apply.PartitionApplier;
import io.mysqlmigrate.sink.apply.RowWriter;
import io.mysqlmigrate.sink.apply.WriterPool;
import io.mysqlmigrate.sink.buffer.TransactionHold;
import io.mysqlmigrate.sink.conflict.ConflictPolicies;
import io.mysqlmigrate.sink.ddl.DdlApplier;
import io.mysqlmigrate.sink.failure.FailureHandling;
import io.mysqlmigrate.sink.metrics.SinkTaskMetrics;
import io.mysqlmigrate.sink.naming.DestinationNames;
import io.mysqlmigrate.sink.naming.NameMapping;
import io.mysqlmigrate.sink.retry.RetryRecords;
import io.mysqlmigrate.sink.retry.RetryWindows;
import io.mysqlmigrate.sink.state.AssignedPartitions;
import io.mysqlmigrate.sink.state.ProgressStore;
import io.mysqlmigrate.sink.table.DestinationTables;
import io.mysqlmigrate.sink.throttle.Pacing;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the parts of a {@link MigrationSinkTask} from its configuration: at start, those that need no destination;
 * once connected, those that depend on the destination server (dialect, tables, progress store, writers, appliers).
 * Each part gets the few settings it uses, never the whole configuration.
 */
final class SinkTaskFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SinkTaskFactory.class);

    /** What depends on the destination server, built on a newly opened connection. */
    record Wired(WriterPool writers, DestinationTables tables, ProgressStore progress, PartitionApplier applier) {
    }

    private final MigrationSinkConfig config;
    private final String connectorName;
    private final String taskId;

    SinkTaskFactory(Map<String, String> props) {
        config = new MigrationSinkConfig(props);
        connectorName = MigrationSinkConfig.connectorName(props);
        taskId = props.getOrDefault(MigrationSinkConnector.TASK_ID_KEY, "0");
    }

    SinkTaskMetrics metrics() {
        return new SinkTaskMetrics().register(connectorName, taskId);
    }

    RetryRecords retryRecords() {
        return new RetryRecords(config.stateDatabase(), connectorName, Integer.parseInt(taskId.trim()));
    }

    ApplyThread applyThread() {
        return new ApplyThread("mysql-migrate-apply-" + connectorName + "-" + taskId);
    }

    TransactionHold transactionHold() {
        return new TransactionHold(new TransactionHold.Limit(config.transactionMaxHeldRecords(),
                MigrationSinkConfig.TRANSACTION_MAX_HELD_RECORDS));
    }

    AssignedPartitions partitions() {
        return new AssignedPartitions(config.stateDatabase(), connectorName);
    }

    Pacing pacing(SinkTaskMetrics metrics) {
        return new Pacing(config.throttle(), metrics);
    }

    FailureHandling failureHandling(SinkTaskContext context, SinkTaskMetrics metrics, RetryRecords retryRecords,
                                    FailureHandling.Destination destination) {
        return new FailureHandling(new FailureHandling.Settings(connectorName, config.stateDatabase(),
                MigrationSinkConfig.RETRY_CONNECTION_MINUTES, MigrationSinkConfig.RETRY_OTHER_MINUTES), context, metrics,
                new RetryWindows(config.retryConnectionWindow(), config.retryOtherWindow(), Clock.systemUTC()), retryRecords,
                destination);
    }

    /** A new connection to the destination, in the sink's session settings. */
    Connection open() throws SQLException {
        return DestinationConnections.open(config);
    }

    /**
     * Builds what depends on the destination server on a newly opened connection: creates the sink's state tables when
     * missing and commits.
     */
    Wired wire(Connection opened, SinkTaskMetrics metrics, RetryRecords retryRecords) throws SQLException {
        ServerVersion server = ServerVersion.detect(opened);
        SqlDialect dialect = SqlDialect.of(server);
        DestinationTables tables = new DestinationTables();
        ProgressStore progress = new ProgressStore(config.stateDatabase(), connectorName, dialect);
        progress.createIfMissing(opened);
        retryRecords.createIfMissing(opened);
        opened.commit();
        ConflictPolicies policies = config.conflictPolicies();
        NameMapping names = config.nameMapping(DestinationTables.lowerCaseTableNames(opened));
        WriterPool writers = new WriterPool(config.applyWriters(), () -> {
            Connection extra = DestinationConnections.open(config);
            // no gap locks between writers inserting into neighbouring keys of one table
            extra.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            return extra;
        });
        try {
            PartitionApplier applier = new PartitionApplier(progress, new RowWriter(dialect, tables, config.batchMaxRows(), policies,
                    writers, DestinationTables.maxAllowedPacket(opened), metrics),
                    new DdlApplier(progress, tables, policies.table(), collation -> DestinationConnections.open(config, collation),
                            dialect::versionedClauses),
                    new DestinationNames(names, config.collationMapping()), metrics);
            LOG.info("Destination {}:{} is {}", config.hostname(), config.port(), server);
            return new Wired(writers, tables, progress, applier);
        } catch (SQLException | RuntimeException e) {
            writers.close();
            throw e;
        }
    }
}
