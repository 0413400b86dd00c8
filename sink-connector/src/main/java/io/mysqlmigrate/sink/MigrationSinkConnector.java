package io.mysqlmigrate.sink;

import io.mysqlmigrate.dialect.ServerVersion;
import io.mysqlmigrate.dialect.SqlDialect;
import io.mysqlmigrate.sink.state.ProgressStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The destination half of a migration: applies the source's database topics (DDL and rows, in order) to a MySQL or
 * MariaDB destination. Each task applies the database topics Kafka assigns it.
 */
public final class MigrationSinkConnector extends SinkConnector {

    public static final String VERSION = MigrationSinkConnector.class.getPackage().getImplementationVersion() != null
            ? MigrationSinkConnector.class.getPackage().getImplementationVersion() : "0.1.0-SNAPSHOT";

    private static final Logger LOG = LoggerFactory.getLogger(MigrationSinkConnector.class);

    private Map<String, String> props;

    @Override
    public String version() {
        return VERSION;
    }

    /** Task-config key carrying the task's index, which names its metrics. */
    static final String TASK_ID_KEY = "mysqlmigrate.task.id";

    @Override
    public void start(Map<String, String> props) {
        new MigrationSinkConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return MigrationSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            Map<String, String> task = new java.util.HashMap<>(props);
            task.put(TASK_ID_KEY, Integer.toString(i));
            configs.add(task);
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    /**
     * Connect's offsets API (PATCH or DELETE {@code /connectors/<name>/offsets}, connector stopped) changes where
     * the sink resumes. The sink resumes from the offsets stored in the destination, not from its consumer group, so
     * the change is made there too: otherwise it would silently not take effect. Moving back turns the records in
     * between into a replay without effect ({@link ProgressStore#moveTo}).
     */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<TopicPartition, Long> offsets) {
        MigrationSinkConfig config = new MigrationSinkConfig(connectorConfig);
        try (Connection c = DestinationConnections.open(config)) {
            ProgressStore store = new ProgressStore(config.stateDatabase(), MigrationSinkConfig.connectorName(connectorConfig),
                    SqlDialect.of(ServerVersion.detect(c)));
            store.createIfMissing(c);
            for (Map.Entry<TopicPartition, Long> e : offsets.entrySet()) {
                boolean known = store.moveTo(c, e.getKey(), e.getValue());
                LOG.info("Offsets of {} moved by the offsets API: {} to {}", MigrationSinkConfig.connectorName(connectorConfig),
                        e.getKey(), e.getValue() == null ? "the beginning" : e.getValue() + (known ? "" : " (no progress stored before)"));
            }
            c.commit();
            return true;
        } catch (SQLException e) {
            throw new ConnectException("Cannot change the sink's offsets stored in the destination "
                    + config.hostname() + ":" + config.port() + " (" + config.stateDatabase() + "): " + e.getMessage()
                    + ". Fix: make the destination reachable and retry; nothing was changed.", e);
        }
    }

    /** Field-by-field validation from the ConfigDef, plus the rule that relates the two retry windows. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        Map<String, ConfigValue> byName = new java.util.HashMap<>();
        config.configValues().forEach(v -> byName.put(v.name(), v));
        ConfigValue connection = byName.get(MigrationSinkConfig.RETRY_CONNECTION_MINUTES);
        ConfigValue other = byName.get(MigrationSinkConfig.RETRY_OTHER_MINUTES);
        if (connection != null && other != null && connection.value() instanceof Integer c && other.value() instanceof Integer o) {
            String problem = MigrationSinkConfig.crossCheck(c, o);
            if (problem != null) {
                other.addErrorMessage(problem);
            }
        }
        ConfigValue mode = byName.get(MigrationSinkConfig.DESTINATION_SSL_MODE);
        ConfigValue ca = byName.get(MigrationSinkConfig.DESTINATION_SSL_CA);
        if (mode != null && ca != null && mode.errorMessages().isEmpty() && mode.value() instanceof String m) {
            String problem = io.mysqlmigrate.dialect.TlsSettings.of(m, (String) ca.value()).problem();
            if (problem != null) {
                ca.addErrorMessage(problem);
            }
        }
        return config;
    }

    @Override
    public ConfigDef config() {
        return MigrationSinkConfig.CONFIG_DEF;
    }
}
