package io.mysqlmigrate.sink;

import io.mysqlmigrate.dialect.SinkSession;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Opens the sink's destination connections with the session the apply needs: UTC (temporal values are bound as
 * UTC text), foreign key checks off (parents and children arrive in source order, not dependency order; a write that
 * must run the destination's ON DELETE / ON UPDATE actions turns them on for its statement, see RowWriter), strict
 * mode so a value that does not fit fails loudly instead of being truncated, zero dates allowed as on the source,
 * and explicit 0 kept in AUTO_INCREMENT columns. Transactions are explicit. The session carries the sink's mark, which
 * guarded triggers test to leave the sink's writes alone.
 */
public final class DestinationConnections {

    static final String SESSION_SETTINGS = "SET SESSION time_zone = '+00:00', foreign_key_checks = 0, "
            + "sql_mode = 'STRICT_ALL_TABLES,NO_AUTO_VALUE_ON_ZERO,NO_ENGINE_SUBSTITUTION'";

    private DestinationConnections() {
    }

    public static Connection open(MigrationSinkConfig config) throws SQLException {
        return open(config, null);
    }

    /**
     * A connection whose driver encodes statement text in the character set of {@code clientCollation} (null: UTF-8),
     * for a view, routine, trigger or event that must be sent in its own client character set (the driver encodes text
     * in the character set it connected with, whatever the session is switched to later).
     */
    public static Connection open(MigrationSinkConfig config, String clientCollation) throws SQLException {
        String encoding = clientCollation == null ? "characterEncoding=UTF-8" : "connectionCollation=" + clientCollation;
        String url = "jdbc:mysql://" + config.hostname() + ":" + config.port() + "/"
                + "?connectTimeout=10000&allowPublicKeyRetrieval=true&" + encoding
                + "&useUnicode=true&serverTimezone=UTC&tcpKeepAlive=true"
                + "&useServerPrepStmts=true&cachePrepStmts=true&prepStmtCacheSize=256&prepStmtCacheSqlLimit=1048576";
        Properties props = new Properties();
        props.setProperty("user", config.user());
        props.setProperty("password", config.password().value());
        config.tls().jdbcProperties().forEach(props::setProperty);
        Connection c = DriverManager.getConnection(url, props);
        try (Statement st = c.createStatement()) {
            if (clientCollation == null) {
                st.execute("SET NAMES utf8mb4");
            }
            st.execute(SESSION_SETTINGS);
            st.execute("SET " + SinkSession.MARK + " = 1");
        }
        c.setAutoCommit(false);
        return c;
    }
}
