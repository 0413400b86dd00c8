package io.mysqlmigrate.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which collation a server gives a character set named without one ({@code CHARACTER SET utf8mb4} and no
 * {@code COLLATE}): each flavour has its own default, MariaDB's utf8mb4 is utf8mb4_general_ci, MySQL's
 * utf8mb4_0900_ai_ci. A DDL statement that names only the character set therefore means the source server's default,
 * which the destination would replace with its own. The source connector reads its server's defaults once per task and
 * sends them with every schema change ({@link #HEADER}); the sink makes the collation explicit before it runs the
 * statement.
 */
public final class CharsetDefaults {

    /** Record header of a schema change: {@code charset:collation} pairs, comma-separated. */
    public static final String HEADER = "mysqlmigrate.charset.defaults";

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,64}");

    private CharsetDefaults() {
    }

    /** The server's default collation of each of its character sets, by lower-case character set name. */
    public static Map<String, String> read(Connection c) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT CHARACTER_SET_NAME, DEFAULT_COLLATE_NAME FROM information_schema.CHARACTER_SETS ORDER BY CHARACTER_SET_NAME")) {
            while (rs.next()) {
                out.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2).toLowerCase(Locale.ROOT));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    public static String encode(Map<String, String> defaults) {
        StringBuilder out = new StringBuilder();
        defaults.forEach((charset, collation) -> {
            check(charset);
            check(collation);
            out.append(out.isEmpty() ? "" : ",").append(charset).append(':').append(collation);
        });
        return out.toString();
    }

    /** The pairs of {@link #encode}; null or blank is none. A malformed pair is an IllegalArgumentException naming it. */
    public static Map<String, String> decode(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            String[] parts = pair.split(":", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("'" + pair + "' is not charset:collation");
            }
            out.put(check(parts[0].strip().toLowerCase(Locale.ROOT)), check(parts[1].strip().toLowerCase(Locale.ROOT)));
        }
        return Collections.unmodifiableMap(out);
    }

    private static String check(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a character set or collation name");
        }
        return name;
    }
}
