package io.mysqlmigrate.source.onlineddl;

import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.source.selection.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pairs of a {@code RENAME TABLE a TO b, c TO d} statement, read from its text: Debezium reports a rename with
 * the new name only, and an online schema change's cut-over swaps two tables in one statement.
 */
final class RenamePairs {

    private static final String NAME = "(?:`(?:[^`]|``)+`|[\\w$]+)(?:\\s*\\.\\s*(?:`(?:[^`]|``)+`|[\\w$]+))?";
    private static final Pattern HEAD = Pattern.compile("^\\s*RENAME\\s+TABLES?\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern PAIR = Pattern.compile("\\s*(" + NAME + ")\\s+TO\\s+(" + NAME + ")\\s*(,|$)",
            Pattern.CASE_INSENSITIVE);

    record Pair(TableName from, TableName to) {
    }

    private RenamePairs() {
    }

    /** The pairs, names qualified with {@code defaultDatabase} where the statement leaves them bare; empty if not a RENAME. */
    static List<Pair> of(String ddl, String defaultDatabase) {
        List<Pair> pairs = new ArrayList<>();
        if (ddl == null) {
            return pairs;
        }
        Matcher head = HEAD.matcher(ddl);
        if (!head.find()) {
            return pairs;
        }
        Matcher m = PAIR.matcher(ddl);
        int at = head.end();
        while (at < ddl.length() && m.find(at) && m.start() == at) {
            pairs.add(new Pair(name(m.group(1), defaultDatabase), name(m.group(2), defaultDatabase)));
            at = m.end();
        }
        return ddl.substring(at).isBlank() ? pairs : List.of();
    }

    private static TableName name(String text, String defaultDatabase) {
        List<String> parts = Identifiers.splitQualified(text.replaceAll("\\s*\\.\\s*", "."), '`');
        return parts.size() == 2 ? new TableName(parts.get(0), parts.get(1)) : new TableName(defaultDatabase, parts.get(0));
    }

    static boolean isRename(String ddl) {
        return ddl != null && HEAD.matcher(ddl).find() && ddl.trim().toUpperCase(Locale.ROOT).startsWith("RENAME");
    }
}
