package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.dialect.Identifiers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Which values of one unique key, distinct on the source, are equal on the destination: the key's values are copied in
 * batches into a TEMPORARY table on the destination whose text columns have the destination's collation (and so its
 * character set), and the destination itself groups them ({@code GROUP BY ... HAVING COUNT(*) > 1}). Equality is therefore the
 * destination collation's own comparison, the one its unique index applies (pad attribute, contractions, ignorable
 * characters and UCA version included), not a model of it. {@code WEIGHT_STRING} was not used: how it treats trailing
 * spaces and long values differs by flavour and pad attribute, while a comparison in the collation is what the key does.
 * Columns without a collation travel as bytes (numbers, dates, ENUM members as text the source prints; TIMESTAMP as its
 * UNIX_TIMESTAMP, FLOAT and DOUBLE widened, so distinct values stay distinct), compared bytewise.
 *
 * <p>One instance per key; {@link #open} creates the table, {@link #add} loads rows, {@link #collisions} asks for the
 * groups, {@link #close} drops the table.
 */
final class KeyCollisions implements AutoCloseable {

    /** How a key column travels and is compared on the destination. */
    record KeyColumn(String name, boolean text, boolean binary, String destinationCollation, long maxChars) {
        /** The temporary table's column definition, {@code k<i>}; a collation implies its character set. */
        String definition(int i, boolean longText) {
            if (!text) {
                return "k" + i + " VARBINARY(3072) NOT NULL";
            }
            String type = longText || maxChars <= 0 || maxChars > 1024 ? "LONGTEXT" : "VARCHAR(" + maxChars + ")";
            return "k" + i + " " + type + " COLLATE " + destinationCollation + " NOT NULL";
        }
    }

    /** A group of source values equal on the destination: how many rows, and the first few values (each a tuple). */
    record Group(long rows, List<List<String>> samples) {
    }

    static final int SAMPLES_PER_GROUP = 4;
    private static final int BATCH = 500;

    private final Connection destination;
    private final String table;
    private final List<KeyColumn> columns;
    private final List<List<Object>> pending = new ArrayList<>();
    private long rows;

    private KeyCollisions(Connection destination, String table, List<KeyColumn> columns) {
        this.destination = destination;
        this.table = table;
        this.columns = columns;
    }

    /**
     * Creates the temporary table {@code name} in {@code database} on the destination (its own session: the table is
     * private to it and disappears with it).
     */
    static KeyCollisions open(Connection destination, String database, String name, List<KeyColumn> columns) throws SQLException {
        String qualified = Identifiers.quote(database, name);
        try (Statement st = destination.createStatement()) {
            st.execute("DROP TEMPORARY TABLE IF EXISTS " + qualified);
            st.execute(createTable(qualified, columns));
        }
        return new KeyCollisions(destination, qualified, columns);
    }

    /**
     * The CREATE TEMPORARY TABLE: a text column is a VARCHAR of its length, LONGTEXT beyond 1,024 characters or when the
     * VARCHARs together would pass the 65,535-byte row limit.
     */
    static String createTable(String qualified, List<KeyColumn> columns) {
        long bytes = columns.stream().filter(c -> c.text() && c.maxChars() > 0 && c.maxChars() <= 1024)
                .mapToLong(c -> c.maxChars() * 4 + 2).sum();
        boolean longText = bytes > 60_000;
        List<String> defs = new ArrayList<>();
        defs.add("id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY");
        for (int i = 0; i < columns.size(); i++) {
            defs.add(columns.get(i).definition(i + 1, longText));
        }
        return "CREATE TEMPORARY TABLE " + qualified + " (" + String.join(", ", defs) + ")";
    }

    /** One source row's key values: a String for a text column, bytes for the others. */
    void add(List<Object> values) throws SQLException {
        pending.add(values);
        rows++;
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    private void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        String names = String.join(", ", java.util.stream.IntStream.rangeClosed(1, columns.size()).mapToObj(i -> "k" + i).toList());
        String tuple = "(" + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        String sql = "INSERT INTO " + table + " (" + names + ") VALUES " + String.join(", ", pending.stream().map(r -> tuple).toList());
        try (PreparedStatement ps = destination.prepareStatement(sql)) {
            int p = 1;
            for (List<Object> row : pending) {
                for (Object v : row) {
                    if (v instanceof byte[] bytes) {
                        ps.setBytes(p++, bytes);
                    } else {
                        ps.setString(p++, (String) v);
                    }
                }
            }
            ps.executeUpdate();
        }
        pending.clear();
    }

    /**
     * The groups of rows equal under the destination's comparison, in the order their first row was loaded; samples for
     * the first {@code sampled} groups. The total number of groups is the list's size.
     */
    List<Group> collisions(int sampled) throws SQLException {
        flush();
        List<String> keys = new ArrayList<>();
        List<String> join = new ArrayList<>();
        for (int i = 1; i <= columns.size(); i++) {
            keys.add("k" + i);
            join.add("b.k" + i + " = a.k" + i);
        }
        List<long[]> groups = new ArrayList<>();
        try (Statement st = destination.createStatement();
             ResultSet rs = st.executeQuery("SELECT MIN(id), COUNT(*) FROM " + table + " GROUP BY " + String.join(", ", keys)
                     + " HAVING COUNT(*) > 1 ORDER BY MIN(id)")) {
            while (rs.next()) {
                groups.add(new long[] {rs.getLong(1), rs.getLong(2)});
            }
        }
        List<Group> out = new ArrayList<>();
        String members = "SELECT " + String.join(", ", keys.stream().map(k -> "b." + k).toList()) + " FROM " + table + " a JOIN "
                + table + " b ON " + String.join(" AND ", join) + " WHERE a.id = ? ORDER BY b.id LIMIT " + SAMPLES_PER_GROUP;
        for (int g = 0; g < groups.size(); g++) {
            List<List<String>> samples = new ArrayList<>();
            if (g < sampled) {
                try (PreparedStatement ps = destination.prepareStatement(members)) {
                    ps.setLong(1, groups.get(g)[0]);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            List<String> tuple = new ArrayList<>();
                            for (int i = 0; i < columns.size(); i++) {
                                KeyColumn c = columns.get(i);
                                tuple.add(c.text() ? describeText(rs.getString(i + 1)) : describeBytes(rs.getBytes(i + 1), c.binary()));
                            }
                            samples.add(tuple);
                        }
                    }
                }
            }
            out.add(new Group(groups.get(g)[1], samples));
        }
        return out;
    }

    /**
     * Whether the values stay apart when the text columns that have {@code from} take {@code collation} instead
     * (another mapping the operator could choose): the number of groups still equal, or -1 when the destination refuses
     * the collation for these columns.
     */
    long groupsUnder(String from, String collation) throws SQLException {
        flush();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            KeyColumn c = columns.get(i);
            keys.add("k" + (i + 1) + (c.text() && c.destinationCollation().equalsIgnoreCase(from) ? " COLLATE " + collation : ""));
        }
        try (Statement st = destination.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM (SELECT 1 FROM " + table + " GROUP BY " + String.join(", ", keys)
                     + " HAVING COUNT(*) > 1) g")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    /**
     * A text value as the operator can find it: quoted (quotes doubled), with its code points when it holds anything but
     * printable ASCII, since colliding values often look alike.
     */
    static String describeText(String value) {
        String quoted = "'" + value.replace("'", "''") + "'";
        if (value.codePoints().allMatch(cp -> cp >= 0x20 && cp < 0x7F)) {
            return quoted;
        }
        List<String> points = new ArrayList<>();
        int[] cps = value.codePoints().toArray();
        for (int i = 0; i < cps.length && i < 12; i++) {
            points.add(String.format(Locale.ROOT, "U+%04X", cps[i]));
        }
        return quoted + " (" + String.join(" ", points) + (cps.length > 12 ? " ..." : "") + ")";
    }

    /** A value without a collation: a binary string as hex, the others as the text the source printed. */
    static String describeBytes(byte[] value, boolean binary) {
        return binary ? "0x" + HexFormat.of().withUpperCase().formatHex(value) : new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws SQLException {
        pending.clear();
        try (Statement st = destination.createStatement()) {
            st.execute("DROP TEMPORARY TABLE IF EXISTS " + table);
        }
    }
}
