package io.mysqlmigrate.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Identifier quoting, identical on MySQL and MariaDB: backticks, with a backtick inside a name doubled. */
public final class Identifiers {

    private Identifiers() {
    }

    public static String quote(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            throw new IllegalArgumentException("An identifier cannot be empty");
        }
        return '`' + identifier.replace("`", "``") + '`';
    }

    public static String quote(String database, String table) {
        return quote(database) + '.' + quote(table);
    }

    /**
     * Splits a dotted name into its unquoted parts: {@code a.`b.c`.d} with quote {@code `}, or Debezium's table ids
     * {@code "db"."table"} with quote {@code "}. A doubled quote inside a quoted part is a literal one.
     */
    public static List<String> splitQualified(String text, char quote) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == quote) {
                if (quoted && i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    current.append(quote);
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '.' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    public static String quoteAll(List<String> identifiers) {
        return identifiers.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    }
}
