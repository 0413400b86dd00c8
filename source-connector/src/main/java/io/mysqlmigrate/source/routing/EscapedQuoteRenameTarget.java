package io.mysqlmigrate.source.routing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code ALTER TABLE t RENAME [TO|AS] `ta``ble`}: a new table name written unqualified, with a backtick escaped by
 * doubling. Debezium's DDL parser (3.5, MySQL and MariaDB grammars) reads that single identifier with
 * {@code AbstractDdlParser.withoutQuotes}, which strips the outer backticks but keeps the doubled one, so it renames
 * its table to {@code ta``ble} while the binary log's rows name {@code ta`ble}: every later row of the table is
 * refused as a table "whose schema isn't known". {@code RENAME TABLE} and a database-qualified new name go through
 * its qualified-name reader, which undoubles, and are read right.
 */
public final class EscapedQuoteRenameTarget {

    private EscapedQuoteRenameTarget() {
    }

    /** What Debezium misreads in this statement, or empty. */
    public static Optional<String> conflict(String ddl) {
        if (ddl == null) {
            return Optional.empty();
        }
        List<String> tokens = StatementDatabase.tokens(ddl);
        if (!word(tokens, 0).equals("ALTER")) {
            return Optional.empty();
        }
        int depth = 0;
        for (int i = 1; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.equals("(")) {
                depth++;
            } else if (t.equals(")")) {
                depth--;
            } else if (depth == 0 && (t.equals(",") || i == tableEnd(tokens)) && word(tokens, i + 1).equals("RENAME")) {
                int target = i + 2;
                String how = word(tokens, target);
                if (how.equals("TO") || how.equals("AS")) {
                    target++;
                } else if (!how.startsWith("`")) {
                    continue; // RENAME COLUMN / INDEX / KEY
                }
                if (target < tokens.size() && tokens.get(target).startsWith("`") && tokens.get(target).contains("``")
                        && !(target + 1 < tokens.size() && tokens.get(target + 1).equals("."))) {
                    return Optional.of("the new table name " + tokens.get(target) + " holds a backtick and is not qualified"
                            + " by its database: Debezium's DDL parser keeps the doubled backtick in the name, so the table's"
                            + " rows after it would have no known schema");
                }
            }
        }
        return Optional.empty();
    }

    /** Index of the table name's last token in {@code ALTER ... TABLE [IF EXISTS] [db.]name}, or -1. */
    private static int tableEnd(List<String> tokens) {
        int i = 1;
        while (i < tokens.size() && !word(tokens, i).equals("TABLE")) {
            if (i > 3) {
                return -1;
            }
            i++;
        }
        i++;
        if (word(tokens, i).equals("IF") && word(tokens, i + 1).equals("EXISTS")) {
            i += 2;
        }
        return i + 1 < tokens.size() && tokens.get(i + 1).equals(".") ? i + 2 : i;
    }

    private static String word(List<String> tokens, int i) {
        return i < tokens.size() ? tokens.get(i).toUpperCase(Locale.ROOT) : "";
    }
}
