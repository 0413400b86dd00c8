package io.mysqlmigrate.sink;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;

/**
 * Every setting of the sink connector, defined once: name, type, default, validation and documentation. Kafka
 * Connect's own settings (topics, tasks.max, errors.*) are Connect's and are not repeated here.
 */
public final class MigrationSinkConfig extends AbstractConfig {

    public static final String GROUP_DESTINATION = "Destination database";
    public static final String GROUP_APPLY = "Apply";

    public static final String DESTINATION_HOSTNAME = "destination.hostname";
    public static final String DESTINATION_PORT = "destination.port";
    public static final String DESTINATION_USER = "destination.user";
    public static final String DESTINATION_PASSWORD = "destination.password";
    public static final String STATE_DATABASE = "state.database";
    public static final String BATCH_MAX_ROWS = "batch.max.rows";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(DESTINATION_HOSTNAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Host name or IP address of the destination MySQL or MariaDB server.", GROUP_DESTINATION, 1, Width.MEDIUM, "Destination host")
            .define(DESTINATION_PORT, Type.INT, 3306, ConfigDef.Range.between(1, 65535), Importance.HIGH,
                    "TCP port of the destination server.", GROUP_DESTINATION, 2, Width.SHORT, "Destination port")
            .define(DESTINATION_USER, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Account on the destination. Needs CREATE, ALTER, DROP, INDEX, INSERT, UPDATE, DELETE on the migrated "
                            + "databases, and all privileges on the state database.", GROUP_DESTINATION, 3, Width.MEDIUM, "Destination user")
            .define(DESTINATION_PASSWORD, Type.PASSWORD, "", Importance.HIGH,
                    "Password of the destination account.", GROUP_DESTINATION, 4, Width.MEDIUM, "Destination password")
            .define(STATE_DATABASE, Type.STRING, "mysql_migrate", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Database on the destination where the sink keeps its progress: the Kafka offsets it has applied (in "
                            + "the same transaction as the rows) and the DDL it has applied. Created when missing.",
                    GROUP_APPLY, 1, Width.MEDIUM, "State database")
            .define(BATCH_MAX_ROWS, Type.INT, 1000, ConfigDef.Range.between(1, 50_000), Importance.LOW,
                    "Most rows in one multi-row INSERT or DELETE statement.", GROUP_APPLY, 2, Width.SHORT, "Rows per statement");

    public MigrationSinkConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
    }

    public String hostname() {
        return getString(DESTINATION_HOSTNAME);
    }

    public int port() {
        return getInt(DESTINATION_PORT);
    }

    public String user() {
        return getString(DESTINATION_USER);
    }

    public Password password() {
        return getPassword(DESTINATION_PASSWORD);
    }

    public String stateDatabase() {
        return getString(STATE_DATABASE);
    }

    public int batchMaxRows() {
        return getInt(BATCH_MAX_ROWS);
    }
}
