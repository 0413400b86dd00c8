package io.mysqlmigrate.stack;

import io.mysqlmigrate.dialect.Flavour;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A private MySQL or MariaDB instance the stack runs: where it listens, the connectors' account ({@code migrate},
 * all privileges), and root access for tests (empty password, loopback only).
 */
public interface DatabaseServer extends AutoCloseable {

    String name();

    Flavour flavour();

    String host();

    int port();

    int serverId();

    /** The account meant for connectors and tools: all privileges from any host. */
    String user();

    String password();

    /** A MySQL Connector/J URL for this server; no database part when {@code databaseOrNull} is null. */
    String jdbcUrl(String databaseOrNull);

    default String jdbcUrl() {
        return jdbcUrl(null);
    }

    /** A new connection as root to {@code database} (null: none). The caller closes it. */
    Connection connect(String database) throws SQLException;

    default Connection connect() throws SQLException {
        return connect(null);
    }

    /** Runs each statement in turn as root; a failure throws a StackException naming the statement. */
    void execute(String... statements);

    boolean isRunning();

    void stop();

    void kill();

    void restart();

    @Override
    void close();

    /** The URL every server of the stack is reached with: UTC session, utf8mb4, no TLS (loopback). */
    static String loopbackJdbcUrl(String host, int port, String databaseOrNull) {
        return "jdbc:mysql://" + host + ":" + port + "/" + (databaseOrNull == null ? "" : databaseOrNull)
                + "?useSSL=false&allowPublicKeyRetrieval=true&characterEncoding=utf8"
                + "&connectionCollation=utf8mb4_general_ci&serverTimezone=UTC";
    }
}
