package io.mysqlmigrate.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Runs the CREATE statement of a view, routine, trigger or event on the destination in the session context the source
 * recorded for it ({@link ObjectContext}), and gives the connection its own session back afterwards, failed or not:
 *
 * <ul>
 *   <li>{@code sql_mode}, {@code character_set_client}, {@code collation_connection} and an event's {@code time_zone}
 *       are set for the statement; the server stores them with the object.</li>
 *   <li>The server records the database's default collation as the object's {@code Database Collation}, not a session
 *       value: when the destination database's differs, it is switched for the statement and back (as mysqldump
 *       does).</li>
 *   <li>The driver encodes statement text in the character set it connected with. Text that is not plain ASCII, in a
 *       client character set other than UTF-8, is sent on a connection of its own opened in that character set
 *       ({@link Connections}), so the server stores the bytes the source did.</li>
 * </ul>
 */
public final class ObjectSession {

    /** Opens a connection to the destination whose driver encodes text in the character set of {@code clientCollation}. */
    @FunctionalInterface
    public interface Connections {
        Connection open(String clientCollation) throws SQLException;
    }

    private ObjectSession() {
    }

    /**
     * Runs {@code ddl} in {@code database} (null: the connection's current one) under {@code context}. Without a
     * recorded context it simply runs. {@code encoded} may be null when no other connection can be opened; text that
     * would need one then fails with a message saying so.
     */
    public static void execute(Connection c, String database, ObjectContext context, String ddl, Connections encoded) throws SQLException {
        if (context != null && context.sqlMode() != null) {
            context = context.withSqlModeFor(ServerVersion.detect(c).flavour());
        }
        if (context == null || context.sessionStatement() == null && context.collationDatabase() == null) {
            try (Statement st = c.createStatement()) {
                use(st, database);
                st.execute(ddl);
            }
            return;
        }
        String restoreCollation = switchDatabaseCollation(c, database, context.collationDatabase());
        SQLException failure = null;
        try {
            if (needsOwnEncoding(ddl, context.characterSetClient())) {
                try (Connection own = openEncoded(c, context, encoded); Statement st = own.createStatement()) {
                    use(st, database);
                    st.execute(context.sessionStatement());
                    st.execute(ddl);
                }
            } else {
                runInContext(c, database, context, ddl);
            }
        } catch (SQLException e) {
            failure = e;
            throw e;
        } finally {
            if (restoreCollation != null) {
                try (Statement st = c.createStatement()) {
                    st.execute("ALTER DATABASE " + Identifiers.quote(database) + " COLLATE " + restoreCollation);
                } catch (SQLException e) {
                    if (failure == null) {
                        throw e;
                    }
                    failure.addSuppressed(e);
                }
            }
        }
    }

    /** Sets the context on the connection for the statement, then sets the connection's own values back. */
    private static void runInContext(Connection c, String database, ObjectContext context, String ddl) throws SQLException {
        String restore;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT @@SESSION.sql_mode, @@SESSION.character_set_client, "
                     + "@@SESSION.collation_connection, @@SESSION.time_zone")) {
            rs.next();
            restore = new ObjectContext("SESSION", "", rs.getString(1), rs.getString(2), rs.getString(3), null, rs.getString(4))
                    .sessionStatement();
        }
        SQLException failure = null;
        try (Statement st = c.createStatement()) {
            use(st, database);
            String set = context.sessionStatement();
            if (set != null) {
                st.execute(set);
            }
            st.execute(ddl);
        } catch (SQLException e) {
            failure = e;
            throw e;
        } finally {
            try (Statement st = c.createStatement()) {
                st.execute(restore);
            } catch (SQLException e) {
                if (failure == null) {
                    throw e;
                }
                failure.addSuppressed(e);
            }
        }
    }

    /** Plain ASCII is the same bytes in every client character set; other text only in UTF-8, the driver's own. */
    static boolean needsOwnEncoding(String ddl, String characterSetClient) {
        if (characterSetClient == null || characterSetClient.toLowerCase(Locale.ROOT).startsWith("utf8")) {
            return false;
        }
        return !ddl.chars().allMatch(ch -> ch < 0x80);
    }

    private static Connection openEncoded(Connection c, ObjectContext context, Connections encoded) throws SQLException {
        String collation;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT DEFAULT_COLLATE_NAME FROM information_schema.CHARACTER_SETS WHERE CHARACTER_SET_NAME = ?")) {
            ps.setString(1, context.characterSetClient());
            try (ResultSet rs = ps.executeQuery()) {
                collation = rs.next() ? rs.getString(1) : null;
            }
        }
        if (collation == null || encoded == null) {
            throw new SQLException("Cannot send the definition of " + context.describe(null) + " in its client character set "
                    + context.characterSetClient() + (collation == null ? ", which the destination does not know" : ""));
        }
        return encoded.open(collation);
    }

    /** Switches the database's default collation to the object's when it differs; returns the one to switch back to. */
    private static String switchDatabaseCollation(Connection c, String database, String wanted) throws SQLException {
        if (wanted == null || database == null || database.isEmpty()) {
            return null;
        }
        String current;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                current = rs.next() ? rs.getString(1) : null;
            }
        }
        if (current == null || current.equalsIgnoreCase(wanted)) {
            return null;
        }
        try (Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE " + Identifiers.quote(database) + " COLLATE " + wanted);
        }
        return current;
    }

    private static void use(Statement st, String database) throws SQLException {
        if (database != null && !database.isEmpty()) {
            st.execute("USE " + Identifiers.quote(database));
        }
    }
}
