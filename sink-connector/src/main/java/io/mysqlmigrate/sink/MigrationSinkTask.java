package io.mysqlmigrate.sink;

import io.mysqlmigrate.dialect.ServerVersion;
import io.mysqlmigrate.dialect.SqlDialect;
import io.mysqlmigrate.sink.apply.ApplyException;
import io.mysqlmigrate.sink.apply.PartitionApplier;
import io.mysqlmigrate.sink.apply.RowWriter;
import io.mysqlmigrate.sink.apply.SqlErrors;
import io.mysqlmigrate.sink.conflict.ConflictPolicies;
import io.mysqlmigrate.sink.ddl.DdlApplier;
import io.mysqlmigrate.sink.state.PartitionProgress;
import io.mysqlmigrate.sink.state.ProgressStore;
import io.mysqlmigrate.sink.table.DestinationTables;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies database topics to the destination. Offsets live in the destination, committed with the rows; on
 * {@link #open} the task seeks to them, and {@link #preCommit} reports only what the destination has committed, so
 * Kafka's own consumer offsets never run ahead of the data.
 */
public final class MigrationSinkTask extends SinkTask {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationSinkTask.class);
    private static final long RETRY_BACKOFF_MS = 2_000;

    private MigrationSinkConfig config;
    private String connectorName;
    private Connection connection;
    private ProgressStore progress;
    private PartitionApplier applier;
    private final Map<TopicPartition, PartitionProgress> applied = new HashMap<>();

    @Override
    public String version() {
        return MigrationSinkConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        config = new MigrationSinkConfig(props);
        connectorName = props.getOrDefault("name", "mysql-migrate-sink");
        try {
            connection();
        } catch (SQLException e) {
            throw new ConnectException("Cannot connect to the destination " + config.user() + "@" + config.hostname() + ":"
                    + config.port() + " (" + e.getMessage() + "). Check " + MigrationSinkConfig.DESTINATION_HOSTNAME + ", "
                    + MigrationSinkConfig.DESTINATION_PORT + ", " + MigrationSinkConfig.DESTINATION_USER + " and "
                    + MigrationSinkConfig.DESTINATION_PASSWORD + ".", e);
        }
    }

    /** The live destination connection, opened (with everything that depends on the server) when needed. */
    private Connection connection() throws SQLException {
        if (connection != null && !connection.isClosed()) {
            return connection;
        }
        connection = DestinationConnections.open(config);
        ServerVersion server = ServerVersion.detect(connection);
        SqlDialect dialect = SqlDialect.of(server);
        DestinationTables tables = new DestinationTables();
        progress = new ProgressStore(config.stateDatabase(), connectorName, dialect);
        progress.createIfMissing(connection);
        connection.commit();
        ConflictPolicies policies = config.conflictPolicies();
        applier = new PartitionApplier(progress, new RowWriter(dialect, tables, config.batchMaxRows(), policies),
                new DdlApplier(progress, tables, policies.table()));
        LOG.info("Destination {}:{} is {}", config.hostname(), config.port(), server);
        return connection;
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        try {
            Map<TopicPartition, PartitionProgress> stored = progress.load(connection(), partitions);
            connection.commit();
            applied.putAll(stored);
            if (!stored.isEmpty()) {
                Map<TopicPartition, Long> offsets = new HashMap<>();
                stored.forEach((tp, p) -> offsets.put(tp, p.nextOffset()));
                context.offset(offsets);
                LOG.info("Resuming from progress stored in the destination: {}", stored);
            }
        } catch (SQLException e) {
            throw new RetriableException("Cannot read the sink's progress from the destination: " + e.getMessage(), e);
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        Map<TopicPartition, List<SinkRecord>> byPartition = new LinkedHashMap<>();
        for (SinkRecord r : records) {
            byPartition.computeIfAbsent(new TopicPartition(r.topic(), r.kafkaPartition()), k -> new ArrayList<>()).add(r);
        }
        try {
            Connection c = connection();
            for (Map.Entry<TopicPartition, List<SinkRecord>> e : byPartition.entrySet()) {
                TopicPartition tp = e.getKey();
                applied.put(tp, applier.apply(c, tp, e.getValue(), applied.getOrDefault(tp, PartitionProgress.START)));
            }
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            if (SqlErrors.isTransient(e)) {
                LOG.warn("Destination unavailable or busy ({}); retrying in {} ms", e.getMessage(), RETRY_BACKOFF_MS);
                closeQuietly();
                context.timeout(RETRY_BACKOFF_MS);
                // The records are redelivered; what was committed is skipped by offset.
                throw new RetriableException(e.getMessage(), e);
            }
            if (e instanceof ConnectException ce) {
                throw ce;
            }
            throw new ApplyException("Apply failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
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
        partitions.forEach(applied::remove);
    }

    @Override
    public void stop() {
        closeQuietly();
    }

    private void rollbackQuietly() {
        try {
            if (connection != null && !connection.isClosed()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            closeQuietly();
        }
    }

    private void closeQuietly() {
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
