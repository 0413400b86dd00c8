package io.mysqlmigrate.dialect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The sql_mode words each flavour knows. An object carries the sql_mode it was defined under, and setting a word the
 * destination does not know fails (error 1231). MariaDB still lists {@code NO_AUTO_CREATE_USER} in its default
 * sql_mode, which MySQL 8.0 removed: every routine and trigger made on a MariaDB source with the default sql_mode
 * carries it. It only governs whether GRANT may create an account, so it is dropped for a MySQL destination; every
 * other word is kept, and one the destination lacks stops the object loudly rather than change how its body runs.
 */
public final class SqlModes {

    private static final Set<String> COMMON = Set.of("REAL_AS_FLOAT", "PIPES_AS_CONCAT", "ANSI_QUOTES", "IGNORE_SPACE",
            "ONLY_FULL_GROUP_BY", "NO_UNSIGNED_SUBTRACTION", "NO_DIR_IN_CREATE", "ANSI", "NO_AUTO_VALUE_ON_ZERO",
            "NO_BACKSLASH_ESCAPES", "STRICT_TRANS_TABLES", "STRICT_ALL_TABLES", "NO_ZERO_IN_DATE", "NO_ZERO_DATE",
            "ALLOW_INVALID_DATES", "ERROR_FOR_DIVISION_BY_ZERO", "TRADITIONAL", "HIGH_NOT_PRECEDENCE",
            "NO_ENGINE_SUBSTITUTION", "PAD_CHAR_TO_FULL_LENGTH");
    /** Words with no effect on what a view, routine, trigger or event does. */
    private static final Set<String> WITHOUT_EFFECT_ON_OBJECTS = Set.of("NO_AUTO_CREATE_USER");
    private static final Set<String> MYSQL_ONLY = Set.of("TIME_TRUNCATE_FRACTIONAL");
    /** MySQL 8.0 removed it and behaves as if it were always set; MariaDB keeps it. */
    private static final String REMOVED_BY_MYSQL_8 = "NO_AUTO_CREATE_USER";

    private SqlModes() {
    }

    /** Whether {@code destination} knows the sql_mode word. */
    public static boolean knows(Flavour destination, String word) {
        String upper = word.toUpperCase(Locale.ROOT);
        return COMMON.contains(upper) || (destination == Flavour.MYSQL ? MYSQL_ONLY.contains(upper) : !MYSQL_ONLY.contains(upper));
    }

    /**
     * The words of one server's global {@code sqlMode} (upper case, in order) as they compare with another server's:
     * between flavours NO_AUTO_CREATE_USER is left out, since MySQL 8 acts as if it were always set.
     */
    public static Set<String> comparable(String sqlMode, Flavour server, Flavour other) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : (sqlMode == null ? "" : sqlMode).split(",")) {
            if (!word.isBlank()) {
                words.add(word.trim().toUpperCase(Locale.ROOT));
            }
        }
        if (server != other) {
            words.remove(REMOVED_BY_MYSQL_8);
        }
        return words;
    }

    /** {@code sqlMode} as {@code destination} can set it for an object: words it lacks and that do not matter dropped. */
    public static String forObjectsOn(Flavour destination, String sqlMode) {
        if (sqlMode == null || sqlMode.isBlank()) {
            return sqlMode;
        }
        List<String> kept = new ArrayList<>();
        for (String word : sqlMode.split(",")) {
            String w = word.strip();
            if (w.isEmpty() || !knows(destination, w) && WITHOUT_EFFECT_ON_OBJECTS.contains(w.toUpperCase(Locale.ROOT))) {
                continue;
            }
            kept.add(w);
        }
        return String.join(",", kept);
    }
}
