package io.mysqlmigrate.source.capture;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Our own JDBC connections to the source (Debezium opens its own): for probing it and writing heartbeats. */
public final class SourceConnections {

    private SourceConnections() {
    }

    public static Connection open(SourceEndpoint source) throws SQLException {
        String url = "jdbc:mysql://" + source.hostname() + ":" + source.port()
                + "/?connectTimeout=10000&socketTimeout=30000&allowPublicKeyRetrieval=true";
        Properties props = new Properties();
        source.tls().jdbcProperties().forEach(props::setProperty);
        props.setProperty("user", source.user());
        props.setProperty("password", source.password().value());
        return DriverManager.getConnection(url, props);
    }
}
