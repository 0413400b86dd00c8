package io.mysqlmigrate.source;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.mysqlmigrate.dialect.TlsSettings;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * The source half of a migration: reads a MySQL or MariaDB server (schema, existing rows, then the binary log)
 * and writes one ordered topic per source database. One task: a binary log is read by one reader.
 */
public final class MigrationSourceConnector extends SourceConnector {

    public static final String VERSION = MigrationSourceConnector.class.getPackage().getImplementationVersion() != null
            ? MigrationSourceConnector.class.getPackage().getImplementationVersion() : "0.1.0-SNAPSHOT";
    /** Task-config key carrying the connector's name, so the derived server id is stable per connector. */
    static final String CONNECTOR_NAME_KEY = "mysqlmigrate.connector.name";

    private Map<String, String> props;

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        new MigrationSourceConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return MigrationSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        Map<String, String> task = new HashMap<>(props);
        if (props.containsKey("name")) {
            task.put(CONNECTOR_NAME_KEY, props.get("name"));
        }
        return List.of(task);
    }

    @Override
    public void stop() {
    }

    /** Field-by-field validation from the ConfigDef, plus the TLS rule that relates the mode and the CA. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        Map<String, ConfigValue> byName = new HashMap<>();
        config.configValues().forEach(v -> byName.put(v.name(), v));
        ConfigValue mode = byName.get(MigrationSourceConfig.SOURCE_SSL_MODE);
        ConfigValue ca = byName.get(MigrationSourceConfig.SOURCE_SSL_CA);
        if (mode != null && ca != null && mode.errorMessages().isEmpty() && mode.value() instanceof String m) {
            String problem = TlsSettings.of(m, (String) ca.value()).problem();
            if (problem != null) {
                ca.addErrorMessage(problem);
            }
        }
        return config;
    }

    @Override
    public ConfigDef config() {
        return MigrationSourceConfig.CONFIG_DEF;
    }
}
