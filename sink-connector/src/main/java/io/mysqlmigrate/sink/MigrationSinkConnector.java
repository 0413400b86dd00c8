package io.mysqlmigrate.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * The destination half of a migration: applies the source's database topics (DDL and rows, in order) to a MySQL or
 * MariaDB destination. Each task applies the database topics Kafka assigns it.
 */
public final class MigrationSinkConnector extends SinkConnector {

    public static final String VERSION = MigrationSinkConnector.class.getPackage().getImplementationVersion() != null
            ? MigrationSinkConnector.class.getPackage().getImplementationVersion() : "0.1.0-SNAPSHOT";

    private Map<String, String> props;

    @Override
    public String version() {
        return VERSION;
    }

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
            configs.add(props);
        }
        return configs;
    }

    @Override
    public void stop() {
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
        return config;
    }

    @Override
    public ConfigDef config() {
        return MigrationSinkConfig.CONFIG_DEF;
    }
}
