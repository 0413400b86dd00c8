package io.mysqlmigrate.source.capture;

import io.mysqlmigrate.dialect.Flavour;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceTask;

/**
 * Chooses Debezium's capture for the server's flavour: its MySQL connector refuses MariaDB, so MariaDB servers
 * get Debezium's MariaDB connector.
 */
public final class DebeziumTaskFactory {

    private DebeziumTaskFactory() {
    }

    public static String connectorClassName(Flavour flavour) {
        return switch (flavour) {
            case MARIADB -> "io.debezium.connector.mariadb.MariaDbConnector";
            case MYSQL -> "io.debezium.connector.mysql.MySqlConnector";
        };
    }

    public static String taskClassName(Flavour flavour) {
        return switch (flavour) {
            case MARIADB -> "io.debezium.connector.mariadb.MariaDbConnectorTask";
            case MYSQL -> "io.debezium.connector.mysql.MySqlConnectorTask";
        };
    }

    public static SourceTask newTask(Flavour flavour) {
        String name = taskClassName(flavour);
        try {
            return (SourceTask) Class.forName(name, true, DebeziumTaskFactory.class.getClassLoader())
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ConnectException("Cannot load Debezium's " + flavour.displayName() + " capture (" + name
                    + "). The plugin archive is incomplete: reinstall it into the worker's plugin.path.", e);
        }
    }
}
