package io.mysqlmigrate.sink.ddl;

import io.debezium.ddl.parser.mariadb.generated.MariaDBLexer;
import io.debezium.ddl.parser.mariadb.generated.MariaDBParser;
import io.debezium.ddl.parser.mysql.generated.MySqlLexer;
import io.debezium.ddl.parser.mysql.generated.MySqlParser;
import io.mysqlmigrate.dialect.Flavour;
import io.mysqlmigrate.dialect.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStreamRewriter;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Rewrites the database, table and column names of a source DDL statement into the destination's names
 * ({@link ObjectNames}, the naming package's mapping), with Debezium's MySQL or MariaDB grammar: the statement is parsed, each name is found by
 * its place in the parse tree (a table reference, a column declaration or reference, a database of CREATE/DROP
 * DATABASE) and only those tokens are replaced; everything else, comments and spacing included, stays as written.
 * Index and constraint names are not object names in DTS's sense and stay. Collation and character set names are
 * replaced the same way when {@link CollationMapping} maps them (the destination lacks the source's).
 *
 * <p>A database, table or column definition that names a character set without a collation means the source server's
 * default collation of that character set, which differs between flavours (utf8mb4: MariaDB utf8mb4_general_ci, MySQL
 * utf8mb4_0900_ai_ci). Given the source's defaults ({@link io.mysqlmigrate.dialect.CharsetDefaults}), the rewriter
 * makes that collation explicit, through the collation mapping, so the destination does not substitute its own.
 * MySQL's type name GEOMCOLLECTION becomes GEOMETRYCOLLECTION, the spelling both flavours know.
 *
 * <p>A statement the grammar cannot read is refused rather than guessed at: renaming by pattern could rename a
 * string literal, a default value or a different object.
 */
public final class DdlNameRewriter {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DdlNameRewriter.class);
    /** A statement that may name a character set (CHARACTER SET, CHARSET); a cheap test before parsing it. */
    private static final java.util.regex.Pattern NAMES_CHARSET = java.util.regex.Pattern.compile("CHAR(?:ACTER\\s+SET|SET)",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** A statement that may use MySQL's GEOMCOLLECTION type name, which MariaDB lacks. */
    private static final java.util.regex.Pattern GEOMCOLLECTION = java.util.regex.Pattern.compile("GEOMCOLLECTION",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    private final ObjectNames names;
    private final CollationMapping collations;

    public DdlNameRewriter(ObjectNames names) {
        this(names, CollationMapping.NONE);
    }

    public DdlNameRewriter(ObjectNames names, CollationMapping collations) {
        this.names = names;
        this.collations = collations;
    }

    /** Whether some statements are rewritten at all. */
    public boolean isIdentity() {
        return names.isIdentity() && collations.isEmpty();
    }

    /** {@link #rewrite(String, String, Flavour, Map)} without the source's character set defaults. */
    public String rewrite(String ddl, String defaultDatabase, Flavour grammar) {
        return rewrite(ddl, defaultDatabase, grammar, Map.of());
    }

    /**
     * The statement with destination names.
     *
     * @param ddl             the source statement
     * @param defaultDatabase the database the statement ran in on the source (unqualified names belong to it)
     * @param grammar         the source's flavour, which decides the grammar
     * @param charsetDefaults the source server's default collation of each character set (lower case; empty: unknown)
     * @throws UnreadableDdlException when the grammar cannot read the statement and names or collations must be mapped
     */
    public String rewrite(String ddl, String defaultDatabase, Flavour grammar, Map<String, String> charsetDefaults) {
        if (ddl == null || ddl.isBlank()) {
            return ddl;
        }
        boolean mapping = !names.isIdentity() || collations.mayApply(ddl);
        boolean defaults = !charsetDefaults.isEmpty() && NAMES_CHARSET.matcher(ddl).find();
        boolean spelling = GEOMCOLLECTION.matcher(ddl).find();
        if (!mapping && !defaults && !spelling) {
            return ddl;
        }
        Errors errors = new Errors();
        Lexer lexer = grammar == Flavour.MARIADB
                ? new MariaDBLexer(new UpperCaseCharStream(CharStreams.fromString(ddl)))
                : new MySqlLexer(new UpperCaseCharStream(CharStreams.fromString(ddl)));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        Parser parser = grammar == Flavour.MARIADB ? new MariaDBParser(tokens) : new MySqlParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        ParseTree root = grammar == Flavour.MARIADB ? ((MariaDBParser) parser).root() : ((MySqlParser) parser).root();
        if (!errors.messages.isEmpty() && !mapping) {
            LOG.warn("The {} grammar cannot read this statement, so a character set it names without a collation keeps "
                    + "the destination's default collation rather than the source's ({}): {}", grammar.displayName(),
                    String.join("; ", errors.messages), ddl);
            return ddl;
        }
        if (!errors.messages.isEmpty()) {
            throw new UnreadableDdlException("The " + grammar.displayName() + " grammar cannot read this statement, so its "
                    + "names cannot be mapped (" + String.join("; ", errors.messages) + ")");
        }
        Walk walk = new Walk(tokens, new TokenStreamRewriter(tokens), defaultDatabase, charsetDefaults);
        walk.visit(root, null, null);
        return walk.rewriter.getText();
    }

    /** A statement the grammar cannot read. */
    public static final class UnreadableDdlException extends RuntimeException {
        UnreadableDdlException(String message) {
            super(message);
        }
    }

    private static final class Errors extends BaseErrorListener {
        final List<String> messages = new ArrayList<>();

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine, String msg,
                                RecognitionException e) {
            messages.add("line " + line + ":" + charPositionInLine + " " + msg);
        }
    }

    /** One pass over the tree; the statement's own table is what unqualified column names belong to. */
    private final class Walk {
        private final CommonTokenStream tokens;
        private final TokenStreamRewriter rewriter;
        private final String defaultDatabase;
        private final Map<String, String> charsetDefaults;

        Walk(CommonTokenStream tokens, TokenStreamRewriter rewriter, String defaultDatabase, Map<String, String> charsetDefaults) {
            this.tokens = tokens;
            this.rewriter = rewriter;
            this.defaultDatabase = defaultDatabase;
            this.charsetDefaults = charsetDefaults;
        }

        /**
         * @param table the statement's table as {database, table} in source names (null before it is known)
         * @param referenced the table of an enclosing REFERENCES clause, whose columns an index column list names
         */
        void visit(ParseTree tree, String[] table, String[] referenced) {
            if (!(tree instanceof ParserRuleContext node)) {
                return;
            }
            String kind = kind(node);
            switch (kind) {
                case "TableName" -> {
                    renameTable(node);
                    return;
                }
                case "FullId" -> {
                    if (kind(node.getParent()).equals("AlterByRename")) {
                        renameTable(node); // ALTER TABLE ... RENAME TO [db.]name
                        return;
                    }
                }
                case "FullColumnName" -> {
                    renameColumnReference(node, table);
                    return;
                }
                case "IndexColumnName" -> {
                    ParserRuleContext uid = firstChild(node, "Uid");
                    if (uid != null) {
                        renameColumn(uid, referenced != null ? referenced : table);
                    }
                    return;
                }
                case "StringLiteral" -> {
                    // the MySQL grammar reads a backquoted name inside an expression as a string; in SQL a backquote
                    // only ever quotes a name, so it is a column of the statement's table
                    if (node.getStart() == node.getStop() && node.getStart().getText().startsWith("`")) {
                        renameColumn(node, table);
                    }
                    return;
                }
                case "CollationName" -> {
                    mapCharacterName(node, collations.collation(unquoted(node)));
                    return;
                }
                case "CharsetName" -> {
                    String charset = unquoted(node);
                    String mapped = collations.charset(charset);
                    mapCharacterName(node, mapped);
                    String collation = implicitCollation(node, charset, mapped);
                    if (collation != null) {
                        rewriter.insertAfter(node.getStop(), " COLLATE " + collation);
                    }
                    return;
                }
                case "SpatialDataType" -> {
                    // MySQL 8+ spells GEOMETRYCOLLECTION also GEOMCOLLECTION (and prints that); MariaDB knows only the first,
                    // which MySQL reads as the same type
                    if (node.getText().equalsIgnoreCase("GEOMCOLLECTION")) {
                        replace(node, "GEOMETRYCOLLECTION");
                    }
                    return;
                }
                case "ReferenceDefinition" -> {
                    ParserRuleContext target = firstChild(node, "TableName");
                    String[] ref = target == null ? null : tableOf(target);
                    for (int i = 0; i < node.getChildCount(); i++) {
                        visit(node.getChild(i), table, ref);
                    }
                    return;
                }
                default -> {
                }
            }
            if (kind.endsWith("Database") || kind.equals("AlterUpgradeName")) {
                for (int i = 0; i < node.getChildCount(); i++) {
                    if (node.getChild(i) instanceof ParserRuleContext child && kind(child).equals("Uid")) {
                        renameDatabase(child);
                    }
                }
            }
            if ((kind.startsWith("AlterBy") && kind.contains("Column")) || kind.equals("AlterByChangeDefault")
                    || kind.equals("ColumnDeclaration")) { // MariaDB's grammar declares a column with a bare name
                for (int i = 0; i < node.getChildCount(); i++) {
                    if (node.getChild(i) instanceof ParserRuleContext child && kind(child).equals("Uid")) {
                        renameColumn(child, table);
                    }
                }
            }
            if (kind.startsWith("PartitionFunction")) {
                ParserRuleContext list = firstChild(node, "UidList");
                if (list != null) {
                    for (int i = 0; i < list.getChildCount(); i++) {
                        if (list.getChild(i) instanceof ParserRuleContext child && kind(child).equals("Uid")) {
                            renameColumn(child, table);
                        }
                    }
                }
            }
            String[] own = table;
            if (own == null) {
                ParserRuleContext first = firstChild(node, "TableName");
                if (first != null) {
                    own = tableOf(first);
                }
            }
            for (int i = 0; i < node.getChildCount(); i++) {
                visit(node.getChild(i), own, referenced);
            }
        }

        private void renameTable(ParserRuleContext node) {
            List<String> parts = parts(node);
            String database = parts.size() > 1 ? parts.get(0) : defaultDatabase;
            String table = parts.get(parts.size() - 1);
            String newTable = names.table(database, table);
            if (parts.size() > 1) {
                String newDatabase = names.database(database);
                if (!newDatabase.equals(database) || !newTable.equals(table)) {
                    replace(node, Identifiers.quote(newDatabase, newTable));
                }
            } else if (!newTable.equals(table)) {
                replace(node, Identifiers.quote(newTable));
            }
        }

        private void renameDatabase(ParserRuleContext uid) {
            String database = parts(uid).get(0);
            String mapped = names.database(database);
            if (!mapped.equals(database)) {
                replace(uid, Identifiers.quote(mapped));
            }
        }

        private void renameColumn(ParserRuleContext uid, String[] table) {
            if (table == null) {
                return;
            }
            String column = parts(uid).get(0);
            String mapped = names.column(table[0], table[1], column);
            if (!mapped.equals(column)) {
                replace(uid, Identifiers.quote(mapped));
            }
        }

        /** {@code column}, {@code table.column} or {@code db.table.column}; qualifiers are renamed with it. */
        private void renameColumnReference(ParserRuleContext node, String[] table) {
            List<String> parts = parts(node);
            String[] owner = switch (parts.size()) {
                case 1 -> table;
                case 2 -> new String[] {table != null ? table[0] : defaultDatabase, parts.get(0)};
                default -> new String[] {parts.get(parts.size() - 3), parts.get(parts.size() - 2)};
            };
            if (owner == null) {
                return;
            }
            String column = parts.get(parts.size() - 1);
            String newColumn = names.column(owner[0], owner[1], column);
            List<String> rewritten = new ArrayList<>();
            if (parts.size() == 3) {
                rewritten.add(names.database(owner[0]));
            }
            if (parts.size() >= 2) {
                rewritten.add(names.table(owner[0], owner[1]));
            }
            rewritten.add(newColumn);
            List<String> original = parts.subList(parts.size() - rewritten.size(), parts.size());
            if (!rewritten.equals(original)) {
                replace(node, String.join(".", rewritten.stream().map(Identifiers::quote).toList()));
            }
        }

        private String unquoted(ParserRuleContext node) {
            String text = node.getText();
            return text.length() > 1 && (text.startsWith("'") || text.startsWith("`") || text.startsWith("\""))
                    ? text.substring(1, text.length() - 1) : text;
        }

        private void mapCharacterName(ParserRuleContext node, String mapped) {
            if (!mapped.equalsIgnoreCase(unquoted(node))) {
                replace(node, mapped);
            }
        }

        /**
         * The collation to make explicit after a character set a definition names without one: the source's default for
         * it, mapped; null where the statement names a collation for it, where the character set is not part of a
         * database, table or column definition (CONVERT(... USING), CAST, introducers), where the source's default is
         * unknown, or where the character set itself is mapped and its collation is not (the destination's default
         * collation of the mapped character set is then the closest there is).
         */
        private String implicitCollation(ParserRuleContext charsetName, String charset, String mappedCharset) {
            String sourceDefault = charsetDefaults.get(charset.toLowerCase(java.util.Locale.ROOT));
            if (sourceDefault == null || "binary".equalsIgnoreCase(charset)) {
                return null;
            }
            String mapped = collations.collation(sourceDefault);
            if (!mappedCharset.equalsIgnoreCase(charset) && mapped.equals(sourceDefault)) {
                return null;
            }
            ParserRuleContext parent = charsetName.getParent();
            String kind = kind(parent);
            boolean explicit;
            if (kind.equals("TableOptionCharset")) {
                ParserRuleContext statement = ancestor(parent, "CreateTable", "AlterTable");
                explicit = statement == null || hasDescendant(statement, "TableOptionCollate");
            } else if (kind.equals("CreateDatabaseOption")) {
                explicit = false;
                ParserRuleContext statement = parent.getParent();
                for (int i = 0; i < statement.getChildCount(); i++) {
                    if (statement.getChild(i) instanceof ParserRuleContext option && kind(option).equals("CreateDatabaseOption")
                            && firstChild(option, "CollationName") != null) {
                        explicit = true;
                    }
                }
            } else if (kind.equals("StringDataType") || kind.equals("CollectionDataType")
                    || kind.equals("AlterByDefaultCharset") || kind.startsWith("AlterByConvertChar")) {
                explicit = firstChild(parent, "CollationName") != null || hasToken(parent, "BINARY", charsetName);
                ParserRuleContext column = parent.getParent();
                if (column != null && kind(column).equals("ColumnDefinition") && firstChild(column, "CollateColumnConstraint") != null) {
                    explicit = true;
                }
            } else {
                return null;
            }
            return explicit ? null : mapped;
        }

        /** Whether a BINARY keyword follows the character set name in the node (CHARACTER SET x BINARY: its _bin). */
        private boolean hasToken(ParserRuleContext node, String keyword, ParserRuleContext after) {
            boolean seen = false;
            for (int i = 0; i < node.getChildCount(); i++) {
                ParseTree child = node.getChild(i);
                if (child == after) {
                    seen = true;
                } else if (seen && child instanceof org.antlr.v4.runtime.tree.TerminalNode t && keyword.equalsIgnoreCase(t.getText())) {
                    return true;
                }
            }
            return false;
        }

        private String[] tableOf(ParserRuleContext tableName) {
            List<String> parts = parts(tableName);
            return new String[] {parts.size() > 1 ? parts.get(0) : defaultDatabase, parts.get(parts.size() - 1)};
        }

        private void replace(ParserRuleContext node, String text) {
            rewriter.replace(node.getStart(), node.getStop(), text);
        }

        /** The dotted name a node spells, unquoted, from its tokens on the default channel. */
        private List<String> parts(ParserRuleContext node) {
            StringBuilder text = new StringBuilder();
            for (Token t : tokens.getTokens(node.getStart().getTokenIndex(), node.getStop().getTokenIndex())) {
                if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                    text.append(t.getText());
                }
            }
            return Identifiers.splitQualified(text.toString(), '`');
        }
    }

    private static String kind(ParserRuleContext node) {
        String name = node.getClass().getSimpleName();
        return name.endsWith("Context") ? name.substring(0, name.length() - "Context".length()) : name;
    }

    /** The nearest enclosing node whose kind ends with one of {@code kinds} (CreateTable: any CREATE TABLE form). */
    private static ParserRuleContext ancestor(ParserRuleContext node, String... kinds) {
        for (ParserRuleContext p = node.getParent(); p != null; p = p.getParent()) {
            for (String k : kinds) {
                if (kind(p).endsWith(k)) {
                    return p;
                }
            }
        }
        return null;
    }

    private static boolean hasDescendant(ParserRuleContext node, String kind) {
        for (int i = 0; i < node.getChildCount(); i++) {
            if (node.getChild(i) instanceof ParserRuleContext child && (kind(child).equals(kind) || hasDescendant(child, kind))) {
                return true;
            }
        }
        return false;
    }

    private static ParserRuleContext firstChild(ParserRuleContext node, String kind) {
        for (int i = 0; i < node.getChildCount(); i++) {
            if (node.getChild(i) instanceof ParserRuleContext child && kind(child).equals(kind)) {
                return child;
            }
        }
        return null;
    }
}
