package io.mysqlmigrate.source.objects;

import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.dialect.ObjectContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads the views, routines, triggers and events of the migrated databases from the source, ready to create, each with
 * the session context the source recorded for it (SHOW CREATE's sql_mode, character_set_client, collation_connection,
 * Database Collation and an event's time_zone), under which the destination creates it again.
 */
public final class ObjectCatalog {

    private ObjectCatalog() {
    }

    /**
     * Functions, views (those read by other views first, {@link ViewOrder}) and procedures, in that order (views may call
     * functions; routines may read views).
     */
    public static List<SourceObject> viewsAndRoutines(Connection c, List<String> databases) throws SQLException {
        List<SourceObject> out = new ArrayList<>();
        for (String db : databases) {
            List<SourceObject> functions = new ArrayList<>();
            List<SourceObject> procedures = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ROUTINE_NAME, ROUTINE_TYPE, ROUTINE_DEFINITION FROM "
                    + "information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? ORDER BY ROUTINE_NAME")) {
                ps.setString(1, db);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ObjectKind kind = ObjectKind.valueOf(rs.getString(2));
                        Shown create = showCreate(c, kind, db, rs.getString(1), 3);
                        (kind == ObjectKind.FUNCTION ? functions : procedures).add(new SourceObject(kind, db, rs.getString(1),
                                DefinerRewriter.routine(create.withBody(rs.getString(3)), rs.getString(3)), create.context()));
                    }
                }
            }
            out.addAll(functions);
            List<SourceObject> views = new ArrayList<>();
            for (String view : names(c, "SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME", db)) {
                Shown create = showCreate(c, ObjectKind.VIEW, db, view, 2);
                views.add(new SourceObject(ObjectKind.VIEW, db, view, DefinerRewriter.view(create.viewText(db)), create.context()));
            }
            out.addAll(ViewOrder.dependenciesFirst(views));
            out.addAll(procedures);
        }
        return out;
    }

    /**
     * Triggers as the cut-over creates them: without DEFINER. They are held back by default so rows the source's
     * triggers wrote are not written twice.
     */
    public static List<SourceObject> triggers(Connection c, List<String> databases) throws SQLException {
        List<SourceObject> out = new ArrayList<>();
        for (String db : databases) {
            for (String[] trigger : namesAndBodies(c, "SELECT TRIGGER_NAME, ACTION_STATEMENT FROM information_schema.TRIGGERS "
                    + "WHERE TRIGGER_SCHEMA = ? ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER", db)) {
                Shown create = showCreate(c, ObjectKind.TRIGGER, db, trigger[0], 3);
                out.add(new SourceObject(ObjectKind.TRIGGER, db, trigger[0], DefinerRewriter.withoutDefiner(create.withBody(trigger[1])),
                        create.context()));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Triggers created during the migration, guarded so the sink's own writes do not fire them. */
    public static List<SourceObject> guardedTriggers(Connection c, List<String> databases) throws SQLException {
        List<SourceObject> out = new ArrayList<>();
        for (SourceObject t : triggers(c, databases)) {
            out.add(t.withCreateStatement(DefinerRewriter.guardedTrigger(t.createStatement())));
        }
        return out;
    }

    /** Events, created disabled on the destination until the cut-over. */
    public static List<SourceObject> disabledEvents(Connection c, List<String> databases) throws SQLException {
        List<SourceObject> out = new ArrayList<>();
        for (String db : databases) {
            for (String[] event : namesAndBodies(c, "SELECT EVENT_NAME, EVENT_DEFINITION FROM information_schema.EVENTS "
                    + "WHERE EVENT_SCHEMA = ? ORDER BY EVENT_NAME", db)) {
                Shown create = showCreate(c, ObjectKind.EVENT, db, event[0], 4);
                out.add(new SourceObject(ObjectKind.EVENT, db, event[0], DefinerRewriter.disabledEvent(create.withBody(event[1])),
                        create.context()));
            }
        }
        return out;
    }

    /** Name and body (information_schema's, converted to UTF-8) of each object the query returns. */
    private static List<String[]> namesAndBodies(Connection c, String sql, String db) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, db);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return out;
    }

    private static List<String> names(Connection c, String sql, String db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, db);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    /** A SHOW CREATE statement's text, its bytes as the server sent them, and the context it was recorded with. */
    private record Shown(String text, byte[] raw, ObjectContext context) {

        /**
         * The text with {@code body} (information_schema's, in UTF-8) as its body. MariaDB prints a routine's, trigger's
         * or event's body as the bytes its client sent, in its character_set_client: outside ASCII in latin1, say, the
         * text read as UTF-8 is garbled there. Those bytes end the raw output; they are replaced by the body read right.
         */
        String withBody(String body) {
            if (body == null || body.isEmpty() || text.endsWith(body) || raw == null) {
                return text;
            }
            java.nio.charset.Charset client = ClientCharsets.javaCharset(context.characterSetClient());
            if (client == null) {
                return text;
            }
            byte[] bodyBytes = body.getBytes(client);
            int head = raw.length - bodyBytes.length;
            if (head < 0 || !java.util.Arrays.equals(raw, head, raw.length, bodyBytes, 0, bodyBytes.length)) {
                return text;
            }
            return new String(raw, 0, head, java.nio.charset.StandardCharsets.UTF_8) + body;
        }

        /**
         * A view's text. MariaDB prints it with the names in UTF-8 but its string literals as the bytes of the view's
         * character_set_client: outside ASCII in latin1, say, they read garbled as UTF-8 and are read in latin1 instead.
         */
        String viewText(String db) {
            if (raw == null) {
                return text;
            }
            String read = ClientCharsets.mixed(raw, ClientCharsets.javaCharset(context.characterSetClient()));
            if (read == null) {
                throw new IllegalArgumentException("The definition of view " + db + "." + context.name() + " holds text in its client "
                        + "character set " + context.characterSetClient() + " that cannot be told from UTF-8; re-create the view on "
                        + "the source from a utf8mb4 client (SET NAMES utf8mb4), or on the destination by hand");
            }
            return read;
        }
    }

    private static Shown showCreate(Connection c, ObjectKind kind, String db, String name, int column) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW CREATE " + kind.keyword() + " " + Identifiers.quote(db, name))) {
            String text = rs.next() ? rs.getString(column) : null;
            byte[] raw = text == null ? null : rs.getBytes(column);
            if (text == null) {
                throw new SQLException("The source shows no definition of " + kind.keyword().toLowerCase() + " " + db + "." + name
                        + ": the source account needs SHOW VIEW for views and SELECT on mysql.proc (MariaDB) or SHOW_ROUTINE "
                        + "(MySQL) for routines");
            }
            // A view records no sql_mode: the server prints its definition in the reading session's sql_mode (ANSI_QUOTES
            // decides the quotes), so that is the mode the text parses in.
            String sqlMode = kind == ObjectKind.VIEW ? sessionSqlMode(c) : column(rs, "sql_mode");
            return new Shown(text, raw, new ObjectContext(kind.keyword(), name, sqlMode, column(rs, "character_set_client"),
                    column(rs, "collation_connection"), column(rs, "Database Collation"), column(rs, "time_zone")));
        }
    }

    /** The value of the column labelled {@code label}, or null when SHOW CREATE has no such column. */
    private static String column(ResultSet rs, String label) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            if (label.equalsIgnoreCase(md.getColumnLabel(i))) {
                return rs.getString(i);
            }
        }
        return null;
    }

    private static String sessionSqlMode(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT @@SESSION.sql_mode")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
