package io.mysqlmigrate.source.capture;

import io.mysqlmigrate.dialect.ServerVersion;
import io.mysqlmigrate.dialect.SqlDialect;
import java.sql.ResultSet;
import java.sql.Statement;
import io.mysqlmigrate.source.MigrationSourceConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.kafka.connect.errors.ConnectException;

/** Connects to the source once to learn what it is (MySQL or MariaDB, which version) and which server it is. */
public final class SourceServerProbe {

    /** The source server: its version, and an identity no other server shares (see SqlDialect#serverIdentityQuery). */
    public record SourceServer(ServerVersion version, String identity) {
    }

    private SourceServerProbe() {
    }

    public static SourceServer detect(MigrationSourceConfig config) {
        String url = "jdbc:mysql://" + config.hostname() + ":" + config.port()
                + "/?connectTimeout=10000&socketTimeout=30000&allowPublicKeyRetrieval=true&useSSL=false";
        Properties props = new Properties();
        props.setProperty("user", config.user());
        props.setProperty("password", config.password().value());
        try (Connection c = DriverManager.getConnection(url, props)) {
            ServerVersion version = ServerVersion.detect(c);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SqlDialect.of(version).serverIdentityQuery())) {
                rs.next();
                return new SourceServer(version, rs.getString(1));
            }
        } catch (SQLException e) {
            throw new ConnectException("Cannot connect to the source " + config.user() + "@" + config.hostname() + ":"
                    + config.port() + " (" + e.getMessage() + "). Check " + MigrationSourceConfig.SOURCE_HOSTNAME + ", "
                    + MigrationSourceConfig.SOURCE_PORT + ", " + MigrationSourceConfig.SOURCE_USER + " and "
                    + MigrationSourceConfig.SOURCE_PASSWORD + ", and that the server accepts connections from this worker.", e);
        }
    }
}
