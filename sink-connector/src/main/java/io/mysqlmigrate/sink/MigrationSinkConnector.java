package io.mysqlmigrate.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
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

    @Override
    public ConfigDef config() {
        return MigrationSinkConfig.CONFIG_DEF;
    }
}
