package io.mysqlmigrate.source.routing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An {@code ALTER TABLE} naming a column, or a new unqualified table name, that holds a backtick ({@code `a``b`}).
 * Debezium's DDL parser (3.5, MySQL and MariaDB grammars) reads the names of ALTER TABLE's clauses (ADD, CHANGE,
 * MODIFY, DROP, ALTER and RENAME COLUMN, AFTER, RENAME TO) with {@code AbstractDdlParser.withoutQuotes}, which strips
 * the outer backticks but keeps the doubled one: it adds a column {@code a``b} where the server has {@code a`b} (the
 * rows then carry a field the destination has not), misses the column a MODIFY or DROP names (its schema keeps a
 * column the rows no longer have), or renames the table to {@code ta``ble} while the binary log's rows name
 * {@code ta`ble} ("schema isn't known"). CREATE TABLE's columns and database-qualified or RENAME TABLE table names
 * go through readers that undouble, and are read right. So are ALTER TABLE's clauses that name only indexes, keys and
 * constraints (ADD/DROP INDEX, KEY, UNIQUE, PRIMARY KEY, FULLTEXT, SPATIAL, FOREIGN KEY, CONSTRAINT, CHECK; RENAME
 * INDEX/KEY; ALTER INDEX/CHECK/CONSTRAINT): Debezium keeps no index or constraint name and undoubles key parts, so
 * those clauses pass ({@code DebeziumBacktickReadingTest} measures both). ParserGaps says why the rest is refused.
 */
public final class AlterBacktickNames {

    private AlterBacktickNames() {
    }

    /** What Debezium misreads in this statement, or empty. */
    public static Optional<String> conflict(String ddl) {
        if (ddl == null) {
            return Optional.empty();
        }
        List<String> tokens = StatementDatabase.tokens(ddl);
        int afterTable = afterTableName(tokens);
        if (afterTable < 0) {
            return Optional.empty();
        }
        int clauseStart = afterTable;
        int depth = 0;
        for (int i = afterTable; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (i == clauseStart && namesOnlyKeys(tokens, i)) {
                // skip to the next clause: its names are ones Debezium reads right or does not keep
                while (i + 1 < tokens.size() && !(depth == 0 && tokens.get(i + 1).equals(","))) {
                    i++;
                    depth += tokens.get(i).equals("(") ? 1 : tokens.get(i).equals(")") ? -1 : 0;
                }
                continue;
            }
            depth += t.equals("(") ? 1 : t.equals(")") ? -1 : 0;
            if (depth == 0 && t.equals(",")) {
                clauseStart = i + 1;
                continue;
            }
            boolean qualified = tokens.get(i - 1).equals(".") || (i + 1 < tokens.size() && tokens.get(i + 1).equals("."));
            if (t.startsWith("`") && t.contains("``") && !qualified) {
                return Optional.of("the name " + t + " holds a backtick: Debezium's DDL parser keeps it doubled in the"
                        + " names of ALTER TABLE's column clauses and RENAME TO, so its schema of the table would no"
                        + " longer match the rows");
            }
        }
        return Optional.empty();
    }

    private static final Set<String> KEY_WORDS =
            Set.of("INDEX", "KEY", "UNIQUE", "PRIMARY", "FULLTEXT", "SPATIAL", "FOREIGN", "CONSTRAINT", "CHECK");

    /** Whether the clause starting at {@code i} names only indexes, keys and constraints. */
    private static boolean namesOnlyKeys(List<String> tokens, int i) {
        String second = word(tokens, i + 1);
        return switch (word(tokens, i)) {
            case "ADD", "DROP" -> KEY_WORDS.contains(second);
            case "RENAME" -> second.equals("INDEX") || second.equals("KEY");
            case "ALTER" -> second.equals("INDEX") || second.equals("CHECK") || second.equals("CONSTRAINT");
            default -> false;
        };
    }

    /** Index of the first token after {@code ALTER [ONLINE|OFFLINE|IGNORE] TABLE [IF EXISTS] [db.]name}, or -1. */
    private static int afterTableName(List<String> tokens) {
        if (!word(tokens, 0).equals("ALTER")) {
            return -1;
        }
        int i = 1;
        while (word(tokens, i).equals("ONLINE") || word(tokens, i).equals("OFFLINE") || word(tokens, i).equals("IGNORE")) {
            i++;
        }
        if (!word(tokens, i).equals("TABLE")) {
            return -1;
        }
        i++;
        if (word(tokens, i).equals("IF") && word(tokens, i + 1).equals("EXISTS")) {
            i += 2;
        }
        if (i >= tokens.size()) {
            return -1;
        }
        return i + 1 < tokens.size() && tokens.get(i + 1).equals(".") ? i + 3 : i + 1;
    }

    private static String word(List<String> tokens, int i) {
        return i < tokens.size() ? tokens.get(i).toUpperCase(Locale.ROOT) : "";
    }
}
