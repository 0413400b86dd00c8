package io.mysqlmigrate.source.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The database a DDL statement names in its table reference ({@code CREATE INDEX i ON shop.t (...)},
 * {@code ALTER TABLE `shop`.`t` ...}, {@code DROP INDEX i ON shop.t}). A statement run in a session without a
 * default database reaches the capture with no database of its own, yet it changes a table of one: its topic is
 * found from the qualified name after {@code ON} or {@code TABLE}.
 */
final class StatementDatabase {

    private StatementDatabase() {
    }

    /** The database of the first qualified table reference after ON or TABLE, or null when there is none. */
    static String of(String ddl) {
        List<String> tokens = tokens(ddl);
        for (int i = 0; i + 3 < tokens.size(); i++) {
            String word = tokens.get(i).toUpperCase(Locale.ROOT);
            if ((word.equals("ON") || word.equals("TABLE")) && tokens.get(i + 2).equals(".")) {
                return unquote(tokens.get(i + 1));
            }
        }
        return null;
    }

    /** Words and quoted identifiers as written, '.' and other punctuation as one-character tokens; comments skipped. */
    static List<String> tokens(String sql) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if ((c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') || c == '#') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '`' || c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && !(sql.charAt(j) == c && (j + 1 >= n || sql.charAt(j + 1) != c))) {
                    j += sql.charAt(j) == c ? 2 : 1;
                }
                out.add(sql.substring(i, Math.min(n, j + 1)));
                i = j + 1;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$')) {
                    j++;
                }
                out.add(sql.substring(i, j));
                i = j;
            } else {
                out.add(String.valueOf(c));
                i++;
            }
        }
        return out;
    }

    private static String unquote(String identifier) {
        if (identifier.length() >= 2 && identifier.charAt(0) == '`') {
            return identifier.substring(1, identifier.length() - 1).replace("``", "`");
        }
        return identifier;
    }
}
