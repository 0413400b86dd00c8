package io.mysqlmigrate.sink.naming;

import java.util.ArrayList;
import java.util.List;

/**
 * One rule of {@code name.mapping}: a source database, table or column (one, two or three dotted parts, each
 * optionally in backquotes) and the name it gets on the destination ({@code shop.orders=orders_2024} renames the
 * table {@code orders} of database {@code shop}; the database itself keeps its own mapping).
 */
record MappingRule(List<String> source, String destination) {

    enum Level { DATABASE, TABLE, COLUMN }

    Level level() {
        return Level.values()[source.size() - 1];
    }

    /** Parses the whole setting: rules separated by commas. */
    static List<MappingRule> parseAll(String text) {
        List<MappingRule> rules = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return rules;
        }
        for (String rule : split(text, ',', text)) {
            if (rule.isBlank()) {
                continue;
            }
            List<String> sides = split(rule, '=', text);
            if (sides.size() != 2) {
                throw new IllegalArgumentException("Rule '" + rule.trim() + "' is not source=destination");
            }
            List<String> source = new ArrayList<>();
            for (String part : split(sides.get(0), '.', text)) {
                source.add(unquote(part, rule));
            }
            if (source.size() > 3) {
                throw new IllegalArgumentException("Rule '" + rule.trim() + "': the source is database, database.table or "
                        + "database.table.column (quote names holding dots in backquotes)");
            }
            List<String> destination = split(sides.get(1), '.', text);
            if (destination.size() != 1) {
                throw new IllegalArgumentException("Rule '" + rule.trim() + "': the destination is one name, the new name of "
                        + "the last part (a table keeps the mapping of its database)");
            }
            rules.add(new MappingRule(List.copyOf(source), unquote(destination.get(0), rule)));
        }
        return rules;
    }

    /** Splits on a separator outside backquotes (a doubled backquote inside is a literal one). */
    private static List<String> split(String text, char separator, String whole) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '`') {
                quoted = !quoted;
                current.append(c);
            } else if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("Unclosed backquote in '" + whole.trim() + "'");
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unquote(String part, String rule) {
        String s = part.trim();
        if (s.length() >= 2 && s.startsWith("`") && s.endsWith("`")) {
            s = s.substring(1, s.length() - 1).replace("``", "`");
        } else if (s.contains("`")) {
            throw new IllegalArgumentException("Rule '" + rule.trim() + "': '" + s + "' is half quoted");
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("Rule '" + rule.trim() + "' has an empty name");
        }
        if (s.length() > 64) {
            throw new IllegalArgumentException("Rule '" + rule.trim() + "': '" + s + "' is longer than 64 characters");
        }
        return s;
    }
}
