package io.mysqlmigrate.dialect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The session a view, routine, trigger or event was defined in on the source, as the server records it with the object
 * (SHOW CREATE and information_schema carry it): {@code sql_mode}, {@code character_set_client},
 * {@code collation_connection}, the database's collation at the time ({@code Database Collation}) and, for events,
 * {@code time_zone}. A routine's body is parsed and run under them again each time it is called, so the destination
 * creates the object under the same ones, and its CREATE text, which the source printed under the object's own
 * sql_mode (ANSI_QUOTES changes quoting), only parses there.
 *
 * <p>{@code kind} (VIEW, PROCEDURE, FUNCTION, TRIGGER, EVENT) and {@code name} name the object in messages; the
 * database is the record's. Null fields are not recorded for that kind (a view has no sql_mode of its own: its text is
 * the one the source printed in the reading session's sql_mode, which is recorded instead; only events have a time
 * zone; views have no database collation).
 *
 * <p>The source connector writes it as record headers ({@link #headers()}); the sink reads them back
 * ({@link #fromHeaders}).
 */
public record ObjectContext(String kind, String name, String sqlMode, String characterSetClient, String collationConnection,
                            String collationDatabase, String timeZone) {

    public static final String HEADER_PREFIX = "mysqlmigrate.object.";
    public static final String KIND = HEADER_PREFIX + "kind";
    public static final String NAME = HEADER_PREFIX + "name";
    public static final String SQL_MODE = HEADER_PREFIX + "sql_mode";
    public static final String CHARACTER_SET_CLIENT = HEADER_PREFIX + "character_set_client";
    public static final String COLLATION_CONNECTION = HEADER_PREFIX + "collation_connection";
    public static final String COLLATION_DATABASE = HEADER_PREFIX + "collation_database";
    public static final String TIME_ZONE = HEADER_PREFIX + "time_zone";

    /** Character set and collation names: letters, digits and underscores only, so they can be written into SQL. */
    private static final Pattern CHARSET_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    /** sql_mode: a comma-separated list of words. */
    private static final Pattern SQL_MODE_VALUE = Pattern.compile("[A-Za-z0-9_,]{0,1024}");
    /** time_zone: SYSTEM, an offset, or a named zone. */
    private static final Pattern TIME_ZONE_VALUE = Pattern.compile("[A-Za-z0-9_+\\-:/]{1,64}");

    public ObjectContext {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        check(sqlMode, SQL_MODE_VALUE, "sql_mode");
        check(characterSetClient, CHARSET_NAME, "character_set_client");
        check(collationConnection, CHARSET_NAME, "collation_connection");
        check(collationDatabase, CHARSET_NAME, "collation_database");
        check(timeZone, TIME_ZONE_VALUE, "time_zone");
    }

    private static void check(String value, Pattern allowed, String what) {
        if (value != null && !allowed.matcher(value).matches()) {
            throw new IllegalArgumentException("Unexpected " + what + " '" + value + "' recorded with an object");
        }
    }

    /** "procedure `db`.`name`", for messages. */
    public String describe(String database) {
        return kind.toLowerCase(java.util.Locale.ROOT) + " " + (database == null ? Identifiers.quote(name) : Identifiers.quote(database, name));
    }

    /** The record headers that carry this context (absent fields are left out). */
    public Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(KIND, kind);
        h.put(NAME, name);
        putIfSet(h, SQL_MODE, sqlMode);
        putIfSet(h, CHARACTER_SET_CLIENT, characterSetClient);
        putIfSet(h, COLLATION_CONNECTION, collationConnection);
        putIfSet(h, COLLATION_DATABASE, collationDatabase);
        putIfSet(h, TIME_ZONE, timeZone);
        return h;
    }

    private static void putIfSet(Map<String, String> h, String key, String value) {
        if (value != null) {
            h.put(key, value);
        }
    }

    /** The context from the headers {@code header} looks up by name; null when the record carries none. */
    public static ObjectContext fromHeaders(Function<String, String> header) {
        String kind = header.apply(KIND);
        String name = header.apply(NAME);
        if (kind == null || name == null) {
            return null;
        }
        return new ObjectContext(kind, name, header.apply(SQL_MODE), header.apply(CHARACTER_SET_CLIENT),
                header.apply(COLLATION_CONNECTION), header.apply(COLLATION_DATABASE), header.apply(TIME_ZONE));
    }

    /** This context with its sql_mode as a {@code destination} server can set it for an object ({@link SqlModes}). */
    public ObjectContext withSqlModeFor(Flavour destination) {
        return new ObjectContext(kind, name, SqlModes.forObjectsOn(destination, sqlMode), characterSetClient,
                collationConnection, collationDatabase, timeZone);
    }

    /** This context with its character set and collations passed through the sink's mappings. */
    public ObjectContext mapped(UnaryOperator<String> charsets, UnaryOperator<String> collations) {
        return new ObjectContext(kind, name, sqlMode,
                characterSetClient == null ? null : charsets.apply(characterSetClient),
                collationConnection == null ? null : collations.apply(collationConnection),
                collationDatabase == null ? null : collations.apply(collationDatabase), timeZone);
    }

    /**
     * {@code SET SESSION sql_mode = '...', character_set_client = ..., collation_connection = ..., time_zone = '...'}
     * for the fields recorded, or null when none is.
     */
    public String sessionStatement() {
        StringBuilder sb = new StringBuilder();
        if (sqlMode != null) {
            sb.append(", sql_mode = '").append(sqlMode).append('\'');
        }
        if (characterSetClient != null) {
            sb.append(", character_set_client = ").append(characterSetClient);
        }
        if (collationConnection != null) {
            sb.append(", collation_connection = ").append(collationConnection);
        }
        if (timeZone != null) {
            sb.append(", time_zone = '").append(timeZone).append('\'');
        }
        return sb.length() == 0 ? null : "SET SESSION " + sb.substring(2);
    }
}
