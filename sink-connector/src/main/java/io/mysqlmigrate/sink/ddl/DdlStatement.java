package io.mysqlmigrate.sink.ddl;

import java.util.Locale;

/**
 * What kind of statement a DDL text is, read from its leading keywords (comments and line breaks ignored). The kinds
 * are an allow-list: statements about databases, tables, indexes, views and routines are applied, and triggers and
 * events only in the harmless forms the source sends (a trigger guarded against the sink's writes, an event created
 * disabled; accounts and grants, which only the source's accounts.include sends); anything else ({@link Kind#OTHER}:
 * other triggers and events, temporary tables, plain CREATE USER) is never run on the destination by the sink, since a trigger or event there would write rows the binary log already carries.
 */
public final class DdlStatement {

    public enum Kind {
        SESSION,            // SET ..., USE ...
        CREATE_DATABASE,
        ALTER_DATABASE,
        DROP_DATABASE,
        CREATE_TABLE,
        ALTER_TABLE,
        RENAME_TABLE,
        TRUNCATE_TABLE,
        DROP_TABLE,
        CREATE_INDEX,
        DROP_INDEX,
        /** CREATE [OR REPLACE] VIEW, as the source migrates views (definer left out, SQL SECURITY INVOKER). */
        CREATE_VIEW,
        DROP_VIEW,
        /** CREATE PROCEDURE / FUNCTION (stored routines, not UDF libraries), as the source migrates them. */
        CREATE_ROUTINE,
        DROP_ROUTINE,
        /** A trigger guarded by the sink's session mark: it never fires for the sink's own writes. */
        CREATE_GUARDED_TRIGGER,
        DROP_TRIGGER,
        /** An event created DISABLED, to be enabled at the cut-over. */
        CREATE_DISABLED_EVENT,
        DROP_EVENT,
        /** CREATE USER IF NOT EXISTS and GRANT ... TO, as the source migrates the accounts it is told to. */
        ACCOUNT,
        OTHER;

        /** Whether the sink applies statements of this kind (see the class comment). */
        public boolean applied() {
            return this != OTHER && this != SESSION;
        }
    }

    private final Kind kind;
    private final boolean ifExists;

    private DdlStatement(Kind kind, boolean ifExists) {
        this.kind = kind;
        this.ifExists = ifExists;
    }

    public Kind kind() {
        return kind;
    }

    /** {@code DROP ... IF EXISTS}: the snapshot's way of clearing the ground, never replayed on a destination. */
    public boolean isDropIfExists() {
        return ifExists && (kind == Kind.DROP_TABLE || kind == Kind.DROP_DATABASE);
    }

    private static final java.util.regex.Pattern VIEW_HEAD = java.util.regex.Pattern.compile(
            "^(?:\\s|/\\*.*?\\*/)*CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:ALGORITHM\\s*=\\s*\\w+\\s+)?(?:DEFINER\\s*=\\s*\\S+\\s+)?"
                    + "(?:SQL\\s+SECURITY\\s+\\w+\\s+)?VIEW\\s", java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern ROUTINE_HEAD = java.util.regex.Pattern.compile(
            "^(?:\\s|/\\*.*?\\*/)*CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:DEFINER\\s*=\\s*\\S+\\s+)?(?:AGGREGATE\\s+)?(?:PROCEDURE|FUNCTION)\\s",
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.DOTALL);

    private static final java.util.regex.Pattern TRIGGER_HEAD = java.util.regex.Pattern.compile(
            "^(?:\\s|/\\*.*?\\*/)*CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:DEFINER\\s*=\\s*\\S+\\s+)?TRIGGER\\s",
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern EVENT_HEAD = java.util.regex.Pattern.compile(
            "^(?:\\s|/\\*.*?\\*/)*CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:DEFINER\\s*=\\s*\\S+\\s+)?EVENT\\s.*?\\sDISABLE(?:\\s+ON\\s+(?:SLAVE|REPLICA))?\\s+"
                    + "(?:COMMENT\\s+'(?:[^'\\\\]|\\\\.|'')*'\\s+)?DO\\s",
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.DOTALL);

    public static DdlStatement classify(String ddl) {
        if (TRIGGER_HEAD.matcher(ddl).find()) {
            return new DdlStatement(ddl.contains("IF " + io.mysqlmigrate.dialect.SinkSession.MARK + " IS NULL THEN")
                    ? Kind.CREATE_GUARDED_TRIGGER : Kind.OTHER, false);
        }
        if (EVENT_HEAD.matcher(ddl).find()) {
            return new DdlStatement(Kind.CREATE_DISABLED_EVENT, false);
        }
        if (VIEW_HEAD.matcher(ddl).find()) {
            return new DdlStatement(Kind.CREATE_VIEW, false);
        }
        if (ROUTINE_HEAD.matcher(ddl).find() && !ddl.toUpperCase(Locale.ROOT).contains(" SONAME ")) {
            return new DdlStatement(Kind.CREATE_ROUTINE, false);
        }
        String[] words = leadingWords(ddl, 5);
        if (words.length == 0) {
            return new DdlStatement(Kind.OTHER, false);
        }
        String first = words[0];
        if ((first.equals("CREATE") && words.length > 4 && words[1].equals("USER") && words[2].equals("IF") && words[3].equals("NOT")
                && words[4].equals("EXISTS")) || first.equals("GRANT")) {
            return new DdlStatement(Kind.ACCOUNT, false);
        }
        if (first.equals("SET") || first.equals("USE")) {
            return new DdlStatement(Kind.SESSION, false);
        }
        int i = 1;
        if (first.equals("CREATE")) {
            // CREATE [OR REPLACE] TABLE / DATABASE / SCHEMA, CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX
            while (i < words.length && (words[i].equals("OR") || words[i].equals("REPLACE"))) {
                i++;
            }
            if (i < words.length && (words[i].equals("DATABASE") || words[i].equals("SCHEMA"))) {
                return new DdlStatement(Kind.CREATE_DATABASE, false);
            }
            if (i < words.length && words[i].equals("TABLE")) {
                return new DdlStatement(Kind.CREATE_TABLE, false);
            }
            while (i < words.length && (words[i].equals("UNIQUE") || words[i].equals("FULLTEXT") || words[i].equals("SPATIAL")
                    || words[i].equals("ONLINE") || words[i].equals("OFFLINE"))) {
                i++;
            }
            if (i < words.length && words[i].equals("INDEX")) {
                return new DdlStatement(Kind.CREATE_INDEX, false);
            }
        } else if (first.equals("ALTER")) {
            while (i < words.length && (words[i].equals("ONLINE") || words[i].equals("IGNORE"))) {
                i++;
            }
            if (i < words.length && words[i].equals("TABLE")) {
                return new DdlStatement(Kind.ALTER_TABLE, false);
            }
            if (i < words.length && (words[i].equals("DATABASE") || words[i].equals("SCHEMA"))) {
                return new DdlStatement(Kind.ALTER_DATABASE, false);
            }
        } else if (first.equals("RENAME") && words.length > 1 && (words[1].equals("TABLE") || words[1].equals("TABLES"))) {
            return new DdlStatement(Kind.RENAME_TABLE, false);
        } else if (first.equals("TRUNCATE")) {
            return new DdlStatement(Kind.TRUNCATE_TABLE, false);
        } else if (first.equals("DROP") && words.length > 1 && (words[1].equals("INDEX")
                || (words.length > 2 && (words[1].equals("ONLINE") || words[1].equals("OFFLINE")) && words[2].equals("INDEX")))) {
            return new DdlStatement(Kind.DROP_INDEX, false);
        } else if (first.equals("DROP") && words.length > 1 && words[1].equals("TRIGGER")) {
            return new DdlStatement(Kind.DROP_TRIGGER, false);
        } else if (first.equals("DROP") && words.length > 1 && words[1].equals("EVENT")) {
            return new DdlStatement(Kind.DROP_EVENT, false);
        } else if (first.equals("DROP") && words.length > 1 && words[1].equals("VIEW")) {
            return new DdlStatement(Kind.DROP_VIEW, false);
        } else if (first.equals("DROP") && words.length > 1 && (words[1].equals("PROCEDURE") || words[1].equals("FUNCTION"))) {
            return new DdlStatement(Kind.DROP_ROUTINE, false);
        } else if (first.equals("DROP")) {
            boolean ifExists = i + 2 < words.length && words[i + 1].equals("IF") && words[i + 2].equals("EXISTS");
            if (i < words.length && (words[i].equals("DATABASE") || words[i].equals("SCHEMA"))) {
                return new DdlStatement(Kind.DROP_DATABASE, ifExists);
            }
            if (i < words.length && (words[i].equals("TABLE") || words[i].equals("TABLES"))) {
                return new DdlStatement(Kind.DROP_TABLE, ifExists);
            }
        }
        return new DdlStatement(Kind.OTHER, false);
    }

    /** The first {@code max} words in upper case, skipping comments ({@code /* *}{@code /}, {@code --}, {@code #}). */
    static String[] leadingWords(String ddl, int max) {
        java.util.List<String> words = new java.util.ArrayList<>();
        int i = 0;
        int n = ddl.length();
        while (i < n && words.size() < max) {
            char c = ddl.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && ddl.charAt(i + 1) == '*') {
                int end = ddl.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if ((c == '-' && i + 1 < n && ddl.charAt(i + 1) == '-') || c == '#') {
                int end = ddl.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(ddl.charAt(i)) || ddl.charAt(i) == '_')) {
                    i++;
                }
                words.add(ddl.substring(start, i).toUpperCase(Locale.ROOT));
            } else {
                break;
            }
        }
        return words.toArray(new String[0]);
    }
}
