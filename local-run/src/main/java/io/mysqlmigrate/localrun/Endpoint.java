package io.mysqlmigrate.localrun;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A MySQL-compatible server and the account to use on it. {@link #toString()} never shows the password.
 *
 * @param role "source" or "destination": the option prefix and the word used in messages
 * @param managed true when local-run started this server itself (a private MariaDB under the state directory)
 */
record Endpoint(String role, String host, int port, String user, String password, boolean managed) {

    Endpoint {
        password = password == null ? "" : password;
    }

    String address() {
        return host + ":" + port;
    }

    /** The same URL options the connectors use, plus utf8mb4 and UTC so values compare as they are. */
    String jdbcUrl() {
        return "jdbc:mysql://" + host + ":" + port + "/?useSSL=false&allowPublicKeyRetrieval=true"
                + "&characterEncoding=utf8&connectionCollation=utf8mb4_general_ci&serverTimezone=UTC"
                + "&connectTimeout=5000";
    }

    Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection(jdbcUrl(), properties);
    }

    /** Connects, or fails with a message that says what went wrong and what to check. */
    Connection open() {
        try {
            return connect();
        } catch (SQLException e) {
            throw new LocalRunException(explain(e), e);
        }
    }

    /** A message for a failed connection or statement: unreachable, refused login, or the server's own words. */
    String explain(SQLException e) {
        String what = (managed ? "the private " : "the ") + role + " " + address();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08")) {
            return "Cannot reach " + what + ": " + firstLine(e.getMessage()) + rootCause(e) + "\n  Fix: "
                    + (managed ? "see its error log (./local-run.sh status shows where), or start again after ./local-run.sh stop."
                            : "check that a server listens on " + address() + " and that --" + role + "-host and --"
                                    + role + "-port are right.");
        }
        if (e.getErrorCode() == 1045) {
            return Character.toUpperCase(what.charAt(0)) + what.substring(1) + " refused the login of user '" + user
                    + "' (access denied).\n  Fix: check --" + role
                    + "-user and --" + role + "-password (give --" + role
                    + "-password without a value to be asked for it).";
        }
        return "On " + what + ": " + firstLine(e.getMessage()) + " (SQL state " + state + ", error " + e.getErrorCode() + ")";
    }

    @Override
    public String toString() {
        return role + " " + user + "@" + address() + (managed ? " (private)" : "");
    }

    /** " (java.net.ConnectException: Connection refused)" for the deepest cause, or "". */
    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? "" : " (" + root.getClass().getSimpleName() + ": " + firstLine(root.getMessage()) + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
