package io.mysqlmigrate.source.capture;

import io.mysqlmigrate.source.MigrationSourceConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Our own JDBC connections to the source (Debezium opens its own): for probing it and writing heartbeats. */
public final class SourceConnections {

    private SourceConnections() {
    }

    public static Connection open(MigrationSourceConfig config) throws SQLException {
        String url = "jdbc:mysql://" + config.hostname() + ":" + config.port()
                + "/?connectTimeout=10000&socketTimeout=30000&allowPublicKeyRetrieval=true";
        Properties props = new Properties();
        config.tls().jdbcProperties().forEach(props::setProperty);
        props.setProperty("user", config.user());
        props.setProperty("password", config.password().value());
        return DriverManager.getConnection(url, props);
    }
}
