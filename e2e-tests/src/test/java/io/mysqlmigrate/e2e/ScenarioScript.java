package io.mysqlmigrate.e2e;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements of a scenario script, split as the {@code mysql} client splits them: at the current delimiter
 * ({@code ;} until a {@code DELIMITER xx} line changes it) outside string literals, quoted identifiers and comments.
 * The text of each statement is sent as written, comments included, so versioned comments ({@code /*!50100 ... *&#47;})
 * reach the server.
 */
final class ScenarioScript {

    private ScenarioScript() {
    }

    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        String delimiter = ";";
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            if (atLineStart(sql, i) && onlyCommentsOrBlank(current) && startsWithWord(sql, i, "DELIMITER")) {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                String token = sql.substring(i + "DELIMITER".length(), end).strip();
                if (token.isEmpty()) {
                    throw new IllegalArgumentException("DELIMITER without a delimiter at offset " + i);
                }
                delimiter = token;
                current.setLength(0);
                i = end;
                continue;
            }
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = endOfQuoted(sql, i, c);
                current.append(sql, i, end);
                i = end;
            } else if (sql.startsWith("--", i) && (i + 2 >= n || Character.isWhitespace(sql.charAt(i + 2))) || c == '#') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                current.append(sql, i, end);
                i = end;
            } else if (sql.startsWith("/*", i) && !sql.startsWith("/*!", i)) {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                current.append(sql, i, end);
                i = end;
            } else if (sql.startsWith(delimiter, i)) {
                add(statements, current);
                i += delimiter.length();
            } else {
                current.append(c);
                i++;
            }
        }
        add(statements, current);
        return statements;
    }

    private static boolean atLineStart(String sql, int i) {
        int j = i - 1;
        while (j >= 0 && (sql.charAt(j) == ' ' || sql.charAt(j) == '\t')) {
            j--;
        }
        return j < 0 || sql.charAt(j) == '\n' || sql.charAt(j) == '\r';
    }

    private static boolean startsWithWord(String sql, int i, String word) {
        int end = i + word.length();
        return sql.regionMatches(true, i, word, 0, word.length()) && end < sql.length()
                && Character.isWhitespace(sql.charAt(end));
    }

    /** True when what is collected so far holds nothing but comments and white space. */
    private static boolean onlyCommentsOrBlank(CharSequence text) {
        return stripComments(text.toString()).isBlank();
    }

    static String stripComments(String text) {
        return text.replaceAll("(?m)^\\s*(--\\s.*|--|#.*)$", "").replaceAll("(?s)/\\*(?!!).*?\\*/", "");
    }

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

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!onlyCommentsOrBlank(statement)) {
            statements.add(statement);
        }
        current.setLength(0);
    }
}
