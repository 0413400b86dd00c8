package io.mysqlmigrate.sink.ddl;

import io.debezium.ddl.parser.mariadb.generated.MariaDBLexer;
import io.debezium.ddl.parser.mariadb.generated.MariaDBParser;
import io.debezium.ddl.parser.mysql.generated.MySqlLexer;
import io.debezium.ddl.parser.mysql.generated.MySqlParser;
import io.mysqlmigrate.dialect.Flavour;
import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.sink.naming.NameMapping;
import java.util.ArrayList;
import java.util.List;
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
 * ({@link NameMapping}), with Debezium's MySQL or MariaDB grammar: the statement is parsed, each name is found by
 * its place in the parse tree (a table reference, a column declaration or reference, a database of CREATE/DROP
 * DATABASE) and only those tokens are replaced; everything else, comments and spacing included, stays as written.
 * Index and constraint names are not object names in DTS's sense and stay. Collation and character set names are
 * replaced the same way when {@link CollationMapping} maps them (the destination lacks the source's).
 *
 * <p>A statement the grammar cannot read is refused rather than guessed at: renaming by pattern could rename a
 * string literal, a default value or a different object.
 */
public final class DdlNameRewriter {

    private final NameMapping names;
    private final CollationMapping collations;

    public DdlNameRewriter(NameMapping names) {
        this(names, CollationMapping.NONE);
    }

    public DdlNameRewriter(NameMapping names, CollationMapping collations) {
        this.names = names;
        this.collations = collations;
    }

    /** Whether some statements are rewritten at all. */
    public boolean isIdentity() {
        return names.isIdentity() && collations.isEmpty();
    }

    /**
     * The statement with destination names.
     *
     * @param ddl             the source statement
     * @param defaultDatabase the database the statement ran in on the source (unqualified names belong to it)
     * @param grammar         the source's flavour, which decides the grammar
     * @throws UnreadableDdlException when the grammar cannot read the statement
     */
    public String rewrite(String ddl, String defaultDatabase, Flavour grammar) {
        if (ddl == null || ddl.isBlank() || names.isIdentity() && !collations.mayApply(ddl)) {
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
        if (!errors.messages.isEmpty()) {
            throw new UnreadableDdlException("The " + grammar.displayName() + " grammar cannot read this statement, so its "
                    + "names cannot be mapped (" + String.join("; ", errors.messages) + ")");
        }
        Walk walk = new Walk(tokens, new TokenStreamRewriter(tokens), defaultDatabase);
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

        Walk(CommonTokenStream tokens, TokenStreamRewriter rewriter, String defaultDatabase) {
            this.tokens = tokens;
            this.rewriter = rewriter;
            this.defaultDatabase = defaultDatabase;
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
                    mapCharacterName(node, collations.charset(unquoted(node)));
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

    private static ParserRuleContext firstChild(ParserRuleContext node, String kind) {
        for (int i = 0; i < node.getChildCount(); i++) {
            if (node.getChild(i) instanceof ParserRuleContext child && kind(child).equals(kind)) {
                return child;
            }
        }
        return null;
    }
}
