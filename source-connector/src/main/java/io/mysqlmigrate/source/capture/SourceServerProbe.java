package io.mysqlmigrate.source.capture;

import io.mysqlmigrate.dialect.ServerVersion;
import io.mysqlmigrate.source.MigrationSourceConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.kafka.connect.errors.ConnectException;

/** Connects to the source once to learn what it is (MySQL or MariaDB, which version). */
public final class SourceServerProbe {

    private SourceServerProbe() {
    }

    public static ServerVersion detect(MigrationSourceConfig config) {
        String url = "jdbc:mysql://" + config.hostname() + ":" + config.port()
                + "/?connectTimeout=10000&socketTimeout=30000&allowPublicKeyRetrieval=true&useSSL=false";
        Properties props = new Properties();
        props.setProperty("user", config.user());
        props.setProperty("password", config.password().value());
        try (Connection c = DriverManager.getConnection(url, props)) {
            return ServerVersion.detect(c);
        } catch (SQLException e) {
            throw new ConnectException("Cannot connect to the source " + config.user() + "@" + config.hostname() + ":"
                    + config.port() + " (" + e.getMessage() + "). Check " + MigrationSourceConfig.SOURCE_HOSTNAME + ", "
                    + MigrationSourceConfig.SOURCE_PORT + ", " + MigrationSourceConfig.SOURCE_USER + " and "
                    + MigrationSourceConfig.SOURCE_PASSWORD + ", and that the server accepts connections from this worker.", e);
        }
    }
}
