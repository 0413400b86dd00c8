package io.mysqlmigrate.e2e;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The scenario corpus's comparator: a database as canonical text, one section per table's structure and rows and per
 * view, routine, trigger and event. It shares no value-conversion code with the sink: values are the servers' own
 * text (TIMESTAMP in a UTC session), binary values as hex, FLOAT and DOUBLE widened to their exact decimal, JSON
 * re-serialised with sorted keys, rows sorted as text (no collation decides their order).
 *
 * <p>Between servers of one flavour, definitions are compared as {@code SHOW CREATE} text, which carries each
 * routine's, trigger's and event's {@code sql_mode} and character set context; across flavours, whose texts differ
 * by design, as the catalog's facts (columns, keys, partitions, foreign keys, routine bodies). Only what a migration
 * changes by design is normalised away: DEFINER and SQL SECURITY of views and routines, AUTO_INCREMENT counters;
 * an event is compared with its state, which the cutover leaves as it is on the source.
 */
final class CanonicalDump {

    static final String NULL = "\\N";
    private static final Set<String> HEX_TYPES = Set.of("binary", "varbinary", "tinyblob", "blob", "mediumblob",
            "longblob", "bit", "geometry", "point", "linestring", "polygon", "multipoint", "multilinestring",
            "multipolygon", "geometrycollection", "geomcollection");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private CanonicalDump() {
    }

    /** Sections by name ({@code table t: rows}, {@code procedure p}, ...), each a list of lines. */
    static Map<String, List<String>> of(Connection c, String database, Set<String> excludedTables, boolean asText,
            Set<String> jsonColumns, UnaryOperator<String> collations) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION time_zone = '+00:00'");
        }
        Map<String, List<String>> sections = new TreeMap<>();
        Map<String, String> relations = relations(c, database);
        for (Map.Entry<String, String> relation : relations.entrySet()) {
            String name = relation.getKey();
            if (excludedTables.contains(name)) {
                continue;
            }
            boolean view = relation.getValue().equals("VIEW");
            String kind = view ? "view " : "table ";
            sections.put(kind + name + ": definition", view ? viewDefinition(c, database, name, asText)
                    : tableDefinition(c, database, name, asText, collations));
            sections.put(kind + name + ": rows", rows(c, database, name, jsonColumns));
        }
        routines(c, database, asText, sections);
        triggers(c, database, asText, sections);
        events(c, database, asText, sections);
        return sections;
    }

    /** The columns whose type is JSON on this server ({@code table.column}). */
    static Set<String> jsonColumns(Connection c, String database) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA = ? AND (DATA_TYPE = 'json' OR COLUMN_TYPE = 'json')")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "." + rs.getString(2));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME, CONSTRAINT_NAME FROM information_schema.CHECK_CONSTRAINTS "
                + "WHERE CONSTRAINT_SCHEMA = ? AND CHECK_CLAUSE LIKE 'json_valid(%'")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "." + rs.getString(2)); // MariaDB names the check after its column
                }
            }
        } catch (SQLException noTableName) {
            // MySQL's CHECK_CONSTRAINTS has no TABLE_NAME; its JSON columns are found above
        }
        return out;
    }

    /** Differences between two dumps, section by section; empty when equal. */
    static List<String> differences(Map<String, List<String>> source, Map<String, List<String>> destination) {
        List<String> out = new ArrayList<>();
        Set<String> names = new TreeSet<>(source.keySet());
        names.addAll(destination.keySet());
        for (String name : names) {
            List<String> s = source.get(name);
            List<String> d = destination.get(name);
            if (s == null) {
                out.add(name + ": only on the destination");
            } else if (d == null) {
                out.add(name + ": missing on the destination");
            } else if (!s.equals(d)) {
                out.add(name + ": differs\n" + lineDiff(s, d));
            }
        }
        return out;
    }

    private static String lineDiff(List<String> s, List<String> d) {
        List<String> onlySource = new ArrayList<>(s);
        List<String> onlyDestination = new ArrayList<>(d);
        for (String line : s) {
            if (onlyDestination.remove(line)) {
                onlySource.remove(line);
            }
        }
        StringBuilder text = new StringBuilder();
        onlySource.stream().limit(8).forEach(l -> text.append("    source:      ").append(abbreviate(l)).append('\n'));
        onlyDestination.stream().limit(8).forEach(l -> text.append("    destination: ").append(abbreviate(l)).append('\n'));
        if (onlySource.isEmpty() && onlyDestination.isEmpty()) {
            text.append("    same lines in another order\n");
        }
        return text.toString();
    }

    private static String abbreviate(String line) {
        return line.length() <= 400 ? line : line.substring(0, 400) + "... (" + line.length() + " characters)";
    }

    private static Map<String, String> relations(Connection c, String database) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2).equals("VIEW") ? "VIEW" : "TABLE");
                }
            }
        }
        return out;
    }

    private static String q(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    private static String q(String database, String name) {
        return q(database) + "." + q(name);
    }

    // ---- structure ------------------------------------------------------------------------------------------

    private static List<String> tableDefinition(Connection c, String database, String table, boolean asText,
            UnaryOperator<String> collations) throws SQLException {
        if (asText) {
            String text = showCreate(c, "SHOW CREATE TABLE " + q(database, table), 2);
            // MySQL prints a column's CHARACTER SET beside its COLLATE when the collation was declared, not when it was
            // inherited: the collation names the character set either way
            return List.of(text.replaceAll(" AUTO_INCREMENT=\\d+", "")
                    .replaceAll(" CHARACTER SET (\\w+) COLLATE (\\1_\\w+)", " COLLATE $2").split("\n"));
        }
        List<String> lines = new ArrayList<>();
        lines.addAll(query(c, "SELECT CONCAT_WS(' | ', 'column', ORDINAL_POSITION, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, "
                + "IFNULL(COLUMN_DEFAULT, '\\\\N'), EXTRA, IFNULL(CHARACTER_SET_NAME, '-'), IFNULL(COLLATION_NAME, '-'), COLUMN_COMMENT, "
                + "IFNULL(GENERATION_EXPRESSION, '')) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?",
                database, table).stream().map(CanonicalDump::normaliseColumnLine).map(l -> mapCollations(l, collations)).toList());
        lines.addAll(query(c, "SELECT CONCAT_WS(' | ', 'index', INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, IFNULL(COLUMN_NAME, '-'), "
                + "IFNULL(SUB_PART, '-')) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?",
                database, table));
        lines.addAll(query(c, "SELECT CONCAT_WS(' | ', 'partition', IFNULL(PARTITION_NAME, '-'), IFNULL(SUBPARTITION_NAME, '-'), "
                + "IFNULL(PARTITION_METHOD, '-'), IFNULL(SUBPARTITION_METHOD, '-'), IFNULL(PARTITION_EXPRESSION, '-'), "
                + "IFNULL(SUBPARTITION_EXPRESSION, '-'), IFNULL(PARTITION_DESCRIPTION, '-')) FROM information_schema.PARTITIONS "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND PARTITION_NAME IS NOT NULL", database, table).stream()
                .map(l -> l.replace("`", "").replace(" ", "").toLowerCase(Locale.ROOT)).toList());
        lines.addAll(query(c, "SELECT CONCAT_WS(' | ', 'foreign key', r.CONSTRAINT_NAME, r.REFERENCED_TABLE_NAME, r.UPDATE_RULE, "
                + "r.DELETE_RULE, k.COLUMN_NAME, k.REFERENCED_COLUMN_NAME) FROM information_schema.REFERENTIAL_CONSTRAINTS r "
                + "JOIN information_schema.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA AND "
                + "k.CONSTRAINT_NAME = r.CONSTRAINT_NAME AND k.TABLE_NAME = r.TABLE_NAME WHERE r.CONSTRAINT_SCHEMA = ? "
                + "AND r.TABLE_NAME = ?", database, table).stream()
                // InnoDB treats RESTRICT and NO ACTION alike; MariaDB reports the default as RESTRICT, MySQL as NO ACTION
                .map(l -> l.replace(" | NO ACTION", " | RESTRICT")).toList());
        lines.addAll(query(c, "SELECT CONCAT_WS(' | ', 'table', ENGINE, TABLE_COLLATION, TABLE_COMMENT) FROM "
                + "information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?", database, table).stream()
                .map(l -> mapCollations(l, collations)).toList());
        Collections.sort(lines);
        return lines;
    }

    /**
     * Across flavours: integer display widths (MariaDB shows {@code int(11)}, MySQL 8+ {@code int}), quoted literal
     * defaults (MariaDB quotes them, MySQL does not) and {@code current_timestamp()} spellings mean the same.
     */
    static String normaliseColumnLine(String line) {
        String[] fields = line.split(" \\| ", -1);
        if (fields.length > 3 && fields[0].equals("column") && fields[3].equals("geomcollection")) {
            fields[3] = "geometrycollection"; // MySQL 8+ names the type GEOMCOLLECTION, MariaDB GEOMETRYCOLLECTION
        }
        if (fields.length > 8 && fields[0].equals("column") && fields[3].equals("json")) {
            // MariaDB's JSON is an alias of LONGTEXT in utf8mb4_bin (with a json_valid check): MySQL's json is that column
            fields[3] = "longtext";
            fields[7] = "utf8mb4";
            fields[8] = "utf8mb4_bin";
        }
        for (int i = 0; i < fields.length; i++) {
            String f = fields[i].replaceAll("\\b(tinyint|smallint|mediumint|int|bigint|year)\\(\\d+\\)", "$1")
                    .replaceAll("(?i)current_timestamp(\\(\\))?", "current_timestamp")
                    .replace("DEFAULT_GENERATED", "").strip();
            if (i == 5 && fields[0].equals("column")) {
                f = defaultExpression(f);
            }
            if (i == 10 && fields[0].equals("column")) {
                f = generationExpression(f);
            }
            fields[i] = f;
        }
        return String.join(" | ", fields);
    }

    /**
     * A column default as both flavours mean it: MariaDB quotes a literal default ({@code 'x'}) where MySQL does not,
     * prints NULL where MySQL has none, and MySQL prints an expression default with character set introducers, escaped
     * quotes and extra parentheses ({@code concat(_utf8mb4\\'c-\\',(1 + 1))} for MariaDB's {@code concat('c-',1 + 1)}).
     */
    static String defaultExpression(String value) {
        // MariaDB states a nullable column without a default as the text NULL, MySQL as SQL NULL (read as \N): no default
        if (value.equals("NULL") || value.equals(NULL)) {
            return NULL;
        }
        String v = value.length() > 1 && value.startsWith("'") && value.endsWith("'") && value.indexOf('(') < 0
                ? value.substring(1, value.length() - 1) : value;
        return v.replaceAll("_(utf8mb4|utf8mb3|utf8|latin1|binary)\\\\?'", "'").replace("\\'", "'")
                .replaceAll("[()\\s]", "").toLowerCase(Locale.ROOT);
    }

    /**
     * A generated column's expression as both flavours mean it: MySQL prints string literals with their character set
     * introducer and JSON_VALUE with its implicit {@code RETURNING CHAR(512)}, MariaDB neither.
     */
    static String generationExpression(String expression) {
        if (enclosedInParentheses(expression)) { // MySQL prints the expression in parentheses, MariaDB without
            expression = expression.substring(1, expression.length() - 1);
        }
        return expression.replaceAll("_(utf8mb4|utf8mb3|utf8|latin1|binary)\\\\?'", "'").replace("\\'", "'")
                .replaceAll("(?i)\\s+returning\\s+char\\(512\\)", "").replaceAll(",\\s+", ",")
                // MariaDB prints the synonyms UCASE/LCASE as written, MySQL as UPPER/LOWER
                .replaceAll("(?i)\\bucase\\(", "upper(").replaceAll("(?i)\\blcase\\(", "lower(");
    }

    /** Whether the whole text is one parenthesised expression: {@code (a + b)}, not {@code (a) + (b)}. */
    private static boolean enclosedInParentheses(String text) {
        if (!text.startsWith("(") || !text.endsWith(")")) {
            return false;
        }
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '`') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0 && i < text.length() - 1) {
                return false;
            }
        }
        return true;
    }

    /** Each {@code | name |} field of a catalog line passed through the collation mapping (identity when unmapped). */
    private static String mapCollations(String line, UnaryOperator<String> collations) {
        String[] fields = line.split(" \\| ", -1);
        for (int i = 0; i < fields.length; i++) {
            fields[i] = collations.apply(fields[i]);
        }
        return String.join(" | ", fields);
    }

    private static List<String> viewDefinition(Connection c, String database, String view, boolean asText)
            throws SQLException {
        if (!asText) {
            return query(c, "SELECT CONCAT_WS(' | ', 'view column', ORDINAL_POSITION, COLUMN_NAME) FROM "
                    + "information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION", database, view);
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW CREATE VIEW " + q(database, view))) {
            rs.next();
            return List.of(withoutDefinerAndSecurity(rs.getString(2)), "character_set_client=" + rs.getString(3),
                    "collation_connection=" + rs.getString(4));
        }
    }

    private static void routines(Connection c, String database, boolean asText, Map<String, List<String>> sections)
            throws SQLException {
        for (String line : query(c, "SELECT CONCAT(ROUTINE_TYPE, ' ', ROUTINE_NAME) FROM information_schema.ROUTINES "
                + "WHERE ROUTINE_SCHEMA = ?", database)) {
            String type = line.substring(0, line.indexOf(' '));
            String name = line.substring(line.indexOf(' ') + 1);
            List<String> lines = new ArrayList<>();
            if (asText) {
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SHOW CREATE " + type + " " + q(database, name))) {
                    rs.next();
                    lines.add("sql_mode=" + rs.getString(2));
                    lines.add(withoutDefinerAndSecurity(String.valueOf(rs.getString(3))));
                    lines.add("character_set_client=" + rs.getString(4));
                    lines.add("collation_connection=" + rs.getString(5));
                    lines.add("database_collation=" + rs.getString(6));
                }
            } else {
                lines.addAll(query(c, "SELECT CONCAT_WS(' | ', IFNULL(DTD_IDENTIFIER, '-'), IS_DETERMINISTIC, SQL_DATA_ACCESS, "
                        + "ROUTINE_DEFINITION) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? AND ROUTINE_NAME = ? "
                        + "AND ROUTINE_TYPE = '" + type + "'", database, name).stream().map(CanonicalDump::collapse)
                        .map(CanonicalDump::normaliseColumnLine).toList());
                lines.addAll(query(c, "SELECT CONCAT_WS(' | ', ORDINAL_POSITION, IFNULL(PARAMETER_MODE, '-'), "
                        + "IFNULL(PARAMETER_NAME, '-'), DTD_IDENTIFIER) FROM information_schema.PARAMETERS WHERE SPECIFIC_SCHEMA = ? "
                        + "AND SPECIFIC_NAME = ? AND ROUTINE_TYPE = '" + type + "'", database, name).stream()
                        .map(CanonicalDump::normaliseColumnLine).toList());
            }
            sections.put(type.toLowerCase(Locale.ROOT) + " " + name, lines);
        }
    }

    private static void triggers(Connection c, String database, boolean asText, Map<String, List<String>> sections)
            throws SQLException {
        for (String name : query(c, "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?", database)) {
            List<String> lines = new ArrayList<>();
            if (asText) {
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SHOW CREATE TRIGGER " + q(database, name))) {
                    rs.next();
                    lines.add("sql_mode=" + rs.getString(2));
                    lines.add(withoutDefinerAndSecurity(rs.getString(3)));
                    lines.add("character_set_client=" + rs.getString(4));
                    lines.add("collation_connection=" + rs.getString(5));
                    lines.add("database_collation=" + rs.getString(6));
                }
            } else {
                lines.addAll(query(c, "SELECT CONCAT_WS(' | ', EVENT_MANIPULATION, EVENT_OBJECT_TABLE, ACTION_TIMING, "
                        + "ACTION_ORDER, ACTION_STATEMENT) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? AND "
                        + "TRIGGER_NAME = ?", database, name).stream().map(CanonicalDump::collapse).toList());
            }
            sections.put("trigger " + name, lines);
        }
    }

    private static void events(Connection c, String database, boolean asText, Map<String, List<String>> sections)
            throws SQLException {
        for (String name : query(c, "SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?", database)) {
            List<String> lines = new ArrayList<>();
            if (asText) {
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SHOW CREATE EVENT " + q(database, name))) {
                    rs.next();
                    lines.add("sql_mode=" + rs.getString(2));
                    lines.add("time_zone=" + rs.getString(3));
                    lines.add(withoutDefinerAndSecurity(rs.getString(4)));
                    lines.add("character_set_client=" + rs.getString(5));
                    lines.add("collation_connection=" + rs.getString(6));
                    lines.add("database_collation=" + rs.getString(7));
                }
            } else {
                lines.addAll(query(c, "SELECT CONCAT_WS(' | ', EVENT_TYPE, IFNULL(INTERVAL_VALUE, '-'), IFNULL(INTERVAL_FIELD, '-'), "
                        + "ON_COMPLETION, IF(STATUS = 'ENABLED', 'ENABLED', 'DISABLED'), EVENT_DEFINITION) FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ? AND "
                        + "EVENT_NAME = ?", database, name).stream().map(CanonicalDump::collapse).toList());
            }
            sections.put("event " + name, lines);
        }
    }

    static String withoutDefinerAndSecurity(String text) {
        return text.replaceAll("DEFINER=(`[^`]*`|[^ @]+)@(`[^`]*`|\\S+) ", "")
                .replaceAll("\\s*SQL SECURITY (DEFINER|INVOKER)", "");
    }

    private static String collapse(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String showCreate(Connection c, String sql, int column) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(column);
        }
    }

    private static List<String> query(Connection c, String sql, String... parameters) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    // ---- rows -------------------------------------------------------------------------------------------------

    private static List<String> rows(Connection c, String database, String table, Set<String> jsonColumns)
            throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME, DATA_TYPE FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            ps.setString(1, database);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.put(rs.getString(1), rs.getString(2).toLowerCase(Locale.ROOT));
                }
            }
        }
        List<String> select = new ArrayList<>();
        for (Map.Entry<String, String> column : columns.entrySet()) {
            String type = column.getValue();
            String ref = q(column.getKey());
            // YEAR as its number: a JDBC driver may hand YEAR out as a date, and then 0000 and 2000 can read alike
            select.add(HEX_TYPES.contains(type) ? "HEX(" + ref + ")" : type.equals("float") ? "CAST(" + ref + " AS DOUBLE)"
                    : type.equals("year") ? "(" + ref + " + 0)" : ref);
        }
        List<String> lines = new ArrayList<>();
        if (select.isEmpty()) {
            return lines;
        }
        List<String> types = new ArrayList<>(columns.values());
        List<String> names = new ArrayList<>(columns.keySet());
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + String.join(", ", select) + " FROM " + q(database, table))) {
            while (rs.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < types.size(); i++) {
                    if (i > 0) {
                        line.append(" | ");
                    }
                    line.append(value(rs, i + 1, types.get(i), jsonColumns.contains(table + "." + names.get(i))));
                }
                lines.add(line.toString());
            }
        }
        Collections.sort(lines);
        return lines;
    }

    private static String value(ResultSet rs, int index, String type, boolean json) throws SQLException {
        if (type.equals("float") || type.equals("double")) {
            double d = rs.getDouble(index);
            if (rs.wasNull()) {
                return NULL;
            }
            return Double.isFinite(d) ? new BigDecimal(d).toPlainString() : Double.toString(d);
        }
        String text = rs.getString(index);
        if (text == null) {
            return NULL;
        }
        if (json) {
            try {
                JsonNode node = JSON.readTree(text);
                return JSON.writeValueAsString(JSON.treeToValue(node, Object.class));
            } catch (Exception notJson) {
                return "not JSON: " + text;
            }
        }
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("|", "\\|");
    }
}
