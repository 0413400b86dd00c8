package io.mysqlmigrate.source.selection;

import io.mysqlmigrate.source.selection.condition.RowCondition;
import io.mysqlmigrate.source.selection.condition.UnsupportedConditionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code row.filters} setting: {@code db.table WHERE condition; db.other WHERE condition}. Semicolons inside
 * quotes belong to the condition. Each condition is compiled here, so a filter the stream side cannot evaluate is
 * refused when the connector is configured, naming the table and the condition.
 */
public final class RowFilterSettings {

    private static final Pattern ENTRY = Pattern.compile("^\\s*((?:`(?:[^`]|``)*`|[^\\s`])+)\\s+WHERE\\s+(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private RowFilterSettings() {
    }

    /** Parses and compiles every entry; the message of the exception names the entry at fault and why. */
    public static Map<TableName, RowCondition> parse(String setting) {
        Map<TableName, RowCondition> filters = new LinkedHashMap<>();
        if (setting == null || setting.isBlank()) {
            return filters;
        }
        for (String entry : splitOutsideQuotes(setting)) {
            if (entry.isBlank()) {
                continue;
            }
            Matcher m = ENTRY.matcher(entry);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + entry.trim() + "' is not 'database.table WHERE condition'");
            }
            TableName table = TableName.parse(m.group(1));
            String condition = m.group(2).trim();
            try {
                if (filters.put(table, RowCondition.compile(condition)) != null) {
                    throw new IllegalArgumentException("table " + table + " has two row filters; combine them with AND");
                }
            } catch (UnsupportedConditionException e) {
                throw new IllegalArgumentException("the row filter of " + table + " ('" + condition + "') cannot be used: "
                        + e.getMessage());
            }
        }
        return filters;
    }

    static List<String> splitOutsideQuotes(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                current.append(c);
                if (c == '\\' && quote != '`' && i + 1 < text.length()) {
                    current.append(text.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
                current.append(c);
            } else if (c == ';') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("a quote (" + quote + ") is not closed in '" + text.trim() + "'");
        }
        parts.add(current.toString());
        return parts;
    }
}
