package io.mysqlmigrate.e2e;

import io.mysqlmigrate.dialect.Identifiers;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of a corpus SQL file, with the case's table put in place of the placeholder table {@code t}.
 * A small MariaDB lexer: string literals ('...' and "...", with backslash escapes and doubled quotes), quoted
 * identifiers (`...`), and comments (--, #, /* *&#47;) are kept as they are; a bare word {@code t} (not after a dot)
 * becomes the quoted table name; statements end at {@code ;} outside all of these.
 */
final class SqlScript {

    private SqlScript() {
    }

    static List<String> statements(String sql, String table) {
        String replacement = Identifiers.quote(table);
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char previous = ';'; // last significant character outside literals and comments
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = endOfQuoted(sql, i, c);
                current.append(sql, i, end);
                i = end;
                previous = c;
            } else if (sql.startsWith("--", i) && (i + 2 >= n || Character.isWhitespace(sql.charAt(i + 2))) || c == '#') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (isWordChar(c)) {
                int end = i;
                while (end < n && isWordChar(sql.charAt(end))) {
                    end++;
                }
                String word = sql.substring(i, end);
                current.append(word.equalsIgnoreCase("t") && previous != '.' ? replacement : word);
                i = end;
                previous = 'w';
            } else if (c == ';') {
                add(statements, current);
                i++;
                previous = ';';
            } else {
                current.append(c);
                if (!Character.isWhitespace(c)) {
                    previous = c;
                }
                i++;
            }
        }
        add(statements, current);
        return statements;
    }

    /** Index just after the literal or quoted identifier starting at {@code start}. */
    private static int endOfQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        throw new IllegalArgumentException("Unterminated " + quote + " starting at offset " + start);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127 && !Character.isWhitespace(c);
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }
}
