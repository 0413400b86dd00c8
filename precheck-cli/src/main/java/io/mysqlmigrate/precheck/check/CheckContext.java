package io.mysqlmigrate.precheck.check;

import io.mysqlmigrate.dialect.ServerVersion;
import io.mysqlmigrate.dialect.TlsSettings;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.source.MigrationSourceConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The migration being checked: both connectors' settings (read through their own ConfigDefs) and a connection to each
 * server. {@code sourceConnectorName} is the source connector's name, from which its replica server id derives.
 */
public record CheckContext(String sourceConnectorName, MigrationSourceConfig source, MigrationSinkConfig sink,
                           Connection sourceConnection, ServerVersion sourceVersion, Connection destinationConnection,
                           ServerVersion destinationVersion) implements AutoCloseable {

    /** Connects to both servers named by the connectors' settings; a server that cannot be reached is an error naming it. */
    public static CheckContext open(String sourceConnectorName, Map<String, String> sourceSettings, Map<String, String> sinkSettings)
            throws SQLException {
        MigrationSourceConfig source = new MigrationSourceConfig(sourceSettings);
        MigrationSinkConfig sink = new MigrationSinkConfig(sinkSettings);
        Connection s = connect("source", source.hostname(), source.port(), source.user(), source.password().value(), source.tls());
        try {
            Connection d = connect("destination", sink.hostname(), sink.port(), sink.user(), sink.password().value(), sink.tls());
            return new CheckContext(sourceConnectorName, source, sink, s, ServerVersion.detect(s), d, ServerVersion.detect(d));
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** A connection to one server, secured as its TLS settings say; the error names its role and address. */
    public static Connection connect(String role, String host, int port, String user, String password, TlsSettings tls)
            throws SQLException {
        String tlsProblem = tls.problem();
        if (tlsProblem != null) {
            throw new SQLException("The " + role + "'s TLS settings cannot work: " + tlsProblem);
        }
        Properties props = new Properties();
        tls.jdbcProperties().forEach(props::setProperty);
        props.setProperty("user", user);
        props.setProperty("password", password);
        try {
            return DriverManager.getConnection("jdbc:mysql://" + host + ":" + port + "/?connectTimeout=10000"
                    + "&allowPublicKeyRetrieval=true&characterEncoding=UTF-8", props);
        } catch (SQLException e) {
            throw new SQLException("Cannot connect to the " + role + " " + user + "@" + host + ":" + port + ": " + e.getMessage()
                    + rootCause(e), e.getSQLState(), e.getErrorCode(), e);
        }
    }

    /**
     * What the driver's own message hides ("Communications link failure" for a certificate that is not trusted): the
     * TLS handshake's failure when there is one, else the innermost cause; an empty string when there is nothing more.
     */
    private static String rootCause(Throwable e) {
        Throwable root = e;
        for (Throwable c = e.getCause(); c != null && c != root; c = c.getCause()) {
            root = c;
            if (c instanceof javax.net.ssl.SSLException) {
                return " (the TLS handshake failed: " + c.getMessage() + ")";
            }
        }
        String message = root.getMessage();
        return root == e || message == null || e.getMessage().contains(message) ? "" : " (" + message + ")";
    }

    @Override
    public void close() throws SQLException {
        try {
            sourceConnection.close();
        } finally {
            destinationConnection.close();
        }
    }

    /**
     * A global server variable's value, or null when the server has no such variable. SHOW GLOBAL VARIABLES works on
     * both flavours; information_schema.GLOBAL_VARIABLES exists only on MariaDB (MySQL 8 moved it to performance_schema).
     */
    public static String variable(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SHOW GLOBAL VARIABLES WHERE Variable_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(2) : null;
            }
        }
    }

    /** Rows of a query with string parameters, each row as a list of strings. */
    public static List<List<String>> rows(Connection c, String sql, String... params) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getString(i));
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }
}
