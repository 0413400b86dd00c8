package io.mysqlmigrate.source.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An {@code ALTER TABLE} whose clauses reuse a column name that another clause of the same statement frees.
 *
 * <p>MySQL and MariaDB apply the clauses of one {@code ALTER TABLE} at once: in
 * {@code RENAME COLUMN a TO b, RENAME COLUMN b TO a} (or the same with {@code CHANGE}) every source name means the
 * column as it was before the statement, so the two columns swap names. Debezium's DDL parser applies the clauses
 * one after the other to its in-memory table; when a clause introduces a name (rename or change target, added
 * column) that a LATER clause renames away or drops, the first clause overwrites that column in Debezium's table
 * and the later clause then acts on the wrong one: Debezium's schema loses a column (measured on Debezium 3.5:
 * {@code TableEditorImpl.renameColumn} replaces the column of the same name) and every later row of the table is
 * decoded against the wrong schema. No Debezium setting changes that order, so such a statement is reported, naming
 * it, before any row of the table is decoded with the wrong schema.
 *
 * <p>A clause whose new name was freed by an EARLIER clause is read alike both ways
 * ({@code RENAME COLUMN b TO c, RENAME COLUMN a TO b}); a swap is written as separate statements through a
 * temporary name.
 */
public final class SimultaneousColumnNames {

    private static final Set<String> NOT_A_COLUMN = Set.of("INDEX", "KEY", "UNIQUE", "PRIMARY", "FOREIGN", "CONSTRAINT",
            "FULLTEXT", "SPATIAL", "CHECK", "PARTITION", "PERIOD", "SYSTEM", "VECTOR");

    private SimultaneousColumnNames() {
    }

    /**
     * What is wrong with reading this statement clause after clause, or empty when its clauses give the same table
     * read at once or one after the other (including every statement that is not an {@code ALTER TABLE}).
     */
    public static Optional<String> conflict(String ddl) {
        if (ddl == null) {
            return Optional.empty();
        }
        List<String> tokens = StatementDatabase.tokens(ddl);
        int start = afterTableName(tokens);
        if (start < 0) {
            return Optional.empty();
        }
        List<Clause> clauses = new ArrayList<>();
        for (List<String> clause : topLevelClauses(tokens, start)) {
            clauses.add(Clause.of(clause));
        }
        for (int i = 0; i < clauses.size(); i++) {
            for (String introduced : clauses.get(i).introduces) {
                for (int j = i + 1; j < clauses.size(); j++) {
                    if (clauses.get(j).removes.contains(introduced)) {
                        return Optional.of("clause " + (i + 1) + " gives a column the name `" + introduced
                                + "` that clause " + (j + 1) + " renames or drops: the server applies the clauses at once,"
                                + " Debezium's DDL parser one after the other, so its schema of the table would lose a column");
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The table an {@code ALTER TABLE} names, as written (database-qualified or not), or null. */
    public static String tableOf(String ddl) {
        List<String> tokens = StatementDatabase.tokens(ddl == null ? "" : ddl);
        int i = tableNameIndex(tokens);
        if (i < 0) {
            return null;
        }
        if (i + 2 < tokens.size() && tokens.get(i + 1).equals(".")) {
            return tokens.get(i) + "." + tokens.get(i + 2);
        }
        return tokens.get(i);
    }

    /** Index of the table name's first token after {@code ALTER [ONLINE|OFFLINE|IGNORE] TABLE [IF EXISTS]}, or -1. */
    private static int tableNameIndex(List<String> tokens) {
        int i = 0;
        if (tokens.isEmpty() || !word(tokens, i).equals("ALTER")) {
            return -1;
        }
        i++;
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
        return i < tokens.size() ? i : -1;
    }

    private static int afterTableName(List<String> tokens) {
        int i = tableNameIndex(tokens);
        if (i < 0) {
            return -1;
        }
        return i + 1 < tokens.size() && tokens.get(i + 1).equals(".") ? i + 3 : i + 1;
    }

    /** The statement's clauses: its tokens from {@code start}, cut at the commas outside parentheses. */
    private static List<List<String>> topLevelClauses(List<String> tokens, int start) {
        List<List<String>> clauses = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int depth = 0;
        for (int i = start; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.equals("(")) {
                depth++;
            } else if (t.equals(")")) {
                depth--;
            } else if (t.equals(",") && depth == 0) {
                clauses.add(current);
                current = new ArrayList<>();
                continue;
            } else if (t.equals(";") && depth == 0) {
                break;
            }
            current.add(t);
        }
        if (!current.isEmpty()) {
            clauses.add(current);
        }
        return clauses;
    }

    /** The column names a clause gives and takes away (lower case: column names are case-insensitive). */
    private record Clause(List<String> introduces, List<String> removes) {

        static Clause of(List<String> t) {
            List<String> introduces = new ArrayList<>();
            List<String> removes = new ArrayList<>();
            String first = word(t, 0);
            switch (first) {
                case "RENAME" -> {
                    if (word(t, 1).equals("COLUMN") && word(t, 3).equals("TO") && t.size() > 4) {
                        rename(name(t.get(2)), name(t.get(4)), introduces, removes);
                    }
                }
                case "CHANGE" -> {
                    int i = skipIfExists(t, word(t, 1).equals("COLUMN") ? 2 : 1, false);
                    if (i + 1 < t.size()) {
                        rename(name(t.get(i)), name(t.get(i + 1)), introduces, removes);
                    }
                }
                case "DROP" -> {
                    boolean column = word(t, 1).equals("COLUMN");
                    int i = skipIfExists(t, column ? 2 : 1, false);
                    if (i < t.size() && (column || isColumnName(t.get(i)))) {
                        removes.add(name(t.get(i)));
                    }
                }
                case "ADD" -> {
                    boolean column = word(t, 1).equals("COLUMN");
                    int i = skipIfExists(t, column ? 2 : 1, true);
                    if (i < t.size() && t.get(i).equals("(")) {
                        addedInParentheses(t, i, introduces);
                    } else if (i < t.size() && (column || isColumnName(t.get(i)))) {
                        introduces.add(name(t.get(i)));
                    }
                }
                default -> {
                    // MODIFY, ALTER COLUMN, options: no column changes its name
                }
            }
            return new Clause(introduces, removes);
        }

        private static void rename(String from, String to, List<String> introduces, List<String> removes) {
            if (!from.equals(to)) {
                removes.add(from);
                introduces.add(to);
            }
        }

        /** {@code ADD [COLUMN] (a INT, b INT)}: the first word of each definition. */
        private static void addedInParentheses(List<String> t, int open, List<String> introduces) {
            int depth = 0;
            boolean expectName = true;
            for (int i = open; i < t.size(); i++) {
                String token = t.get(i);
                if (token.equals("(")) {
                    depth++;
                    continue;
                }
                if (token.equals(")")) {
                    depth--;
                    continue;
                }
                if (depth == 1 && token.equals(",")) {
                    expectName = true;
                } else if (depth == 1 && expectName) {
                    if (isColumnName(token)) {
                        introduces.add(name(token));
                    }
                    expectName = false;
                }
            }
        }

        private static int skipIfExists(List<String> t, int i, boolean not) {
            if (word(t, i).equals("IF")) {
                return i + (not ? 3 : 2);
            }
            return i;
        }

        private static boolean isColumnName(String token) {
            return token.startsWith("`") || !NOT_A_COLUMN.contains(token.toUpperCase(Locale.ROOT));
        }
    }

    private static String word(List<String> tokens, int i) {
        return i < tokens.size() ? tokens.get(i).toUpperCase(Locale.ROOT) : "";
    }

    private static String name(String identifier) {
        String n = identifier.length() >= 2 && identifier.charAt(0) == '`'
                ? identifier.substring(1, identifier.length() - 1).replace("``", "`")
                : identifier;
        return n.toLowerCase(Locale.ROOT);
    }
}
