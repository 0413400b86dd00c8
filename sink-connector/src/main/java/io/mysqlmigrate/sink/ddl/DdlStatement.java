package io.mysqlmigrate.sink.ddl;

import java.util.Locale;

/**
 * What kind of statement a DDL text is, read from its leading keywords (comments and line breaks ignored). Only the
 * kinds the sink treats differently are told apart; everything else is {@link Kind#OTHER} and applied as it is.
 */
public final class DdlStatement {

    public enum Kind {
        SESSION,            // SET ..., USE ...
        CREATE_DATABASE,
        DROP_DATABASE,
        CREATE_TABLE,
        DROP_TABLE,
        OTHER
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

    public static DdlStatement classify(String ddl) {
        String[] words = leadingWords(ddl, 5);
        if (words.length == 0) {
            return new DdlStatement(Kind.OTHER, false);
        }
        String first = words[0];
        if (first.equals("SET") || first.equals("USE")) {
            return new DdlStatement(Kind.SESSION, false);
        }
        int i = 1;
        if (first.equals("CREATE")) {
            // CREATE [OR REPLACE] [TEMPORARY] TABLE / DATABASE / SCHEMA
            while (i < words.length && (words[i].equals("OR") || words[i].equals("REPLACE") || words[i].equals("TEMPORARY"))) {
                i++;
            }
            if (i < words.length && (words[i].equals("DATABASE") || words[i].equals("SCHEMA"))) {
                return new DdlStatement(Kind.CREATE_DATABASE, false);
            }
            if (i < words.length && words[i].equals("TABLE")) {
                return new DdlStatement(Kind.CREATE_TABLE, false);
            }
        } else if (first.equals("DROP")) {
            while (i < words.length && words[i].equals("TEMPORARY")) {
                i++;
            }
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
