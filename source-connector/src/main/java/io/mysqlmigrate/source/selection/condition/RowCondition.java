package io.mysqlmigrate.source.selection.condition;

import io.mysqlmigrate.source.selection.condition.ConditionNode.Comparison;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.CosineSimilarity;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;

/**
 * A row filter's WHERE condition, parsed by a real SQL parser and compiled into a tree the source evaluates on each
 * streamed row image, so that the stream keeps exactly the rows the snapshot's {@code SELECT ... WHERE} kept.
 *
 * <p>What it can evaluate: comparisons ({@code = <> != < <= > >= <=>}), AND, OR, NOT, IN and NOT IN over lists,
 * BETWEEN, IS [NOT] NULL, [NOT] LIKE with ESCAPE, + - * / %, unary minus, numbers, quoted strings, TRUE/FALSE,
 * NULL and DATE/TIME/TIMESTAMP literals, over the table's columns. Anything else (functions, subqueries, user
 * variables, COLLATE, REGEXP, ...) is refused when the connector is configured, with the construct named.
 */
public final class RowCondition {

    private final String text;
    private final ConditionNode root;
    private final Set<String> columns;

    private RowCondition(String text, ConditionNode root, Set<String> columns) {
        this.text = text;
        this.root = root;
        this.columns = Collections.unmodifiableSet(columns);
    }

    public static RowCondition compile(String condition) throws UnsupportedConditionException {
        if (condition == null || condition.isBlank()) {
            throw new UnsupportedConditionException("the condition is empty");
        }
        Expression parsed;
        try {
            parsed = CCJSqlParserUtil.parseCondExpression(condition, false, parser -> parser.withBackslashEscapeCharacter(true));
        } catch (JSQLParserException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new UnsupportedConditionException("it is not a valid SQL condition (" + reason + ")");
        }
        Set<String> columns = new LinkedHashSet<>();
        ConditionNode root = new Compiler(columns).node(parsed);
        return new RowCondition(condition.trim(), root, columns);
    }

    /** The condition as configured, for the snapshot's WHERE clause and for messages. */
    public String text() {
        return text;
    }

    /** The columns the condition reads, lower-cased. */
    public Set<String> columns() {
        return columns;
    }

    /** True when the row satisfies the condition; unknown (NULL) counts as not satisfied, as in a WHERE clause. */
    public boolean matches(RowImage row) {
        return Boolean.TRUE.equals(SqlValues.truth(root.eval(row)));
    }

    private record Compiler(Set<String> columns) {

        ConditionNode node(Expression e) throws UnsupportedConditionException {
            if (e instanceof ParenthesedExpressionList<?> list) {
                if (list.size() != 1) {
                    throw unsupported(e, "a row constructor");
                }
                return node(list.get(0));
            }
            if (e instanceof AndExpression and) {
                return new ConditionNode.And(node(and.getLeftExpression()), node(and.getRightExpression()));
            }
            if (e instanceof OrExpression or) {
                return new ConditionNode.Or(node(or.getLeftExpression()), node(or.getRightExpression()));
            }
            if (e instanceof NotExpression not) {
                return new ConditionNode.Not(node(not.getExpression()));
            }
            if (e instanceof EqualsTo eq) {
                return compare(Comparison.EQ, eq.getLeftExpression(), eq.getRightExpression());
            }
            if (e instanceof NotEqualsTo ne) {
                return compare(Comparison.NE, ne.getLeftExpression(), ne.getRightExpression());
            }
            if (e instanceof GreaterThan gt) {
                return compare(Comparison.GT, gt.getLeftExpression(), gt.getRightExpression());
            }
            if (e instanceof GreaterThanEquals ge) {
                return compare(Comparison.GE, ge.getLeftExpression(), ge.getRightExpression());
            }
            if (e instanceof MinorThan lt) {
                return compare(Comparison.LT, lt.getLeftExpression(), lt.getRightExpression());
            }
            if (e instanceof MinorThanEquals le) {
                return compare(Comparison.LE, le.getLeftExpression(), le.getRightExpression());
            }
            if (e instanceof InExpression in) {
                if (!(in.getRightExpression() instanceof ExpressionList<?> list) || in.getRightExpression() instanceof ParenthesedSelect) {
                    throw unsupported(e, "IN with a subquery");
                }
                List<ConditionNode> candidates = new ArrayList<>();
                for (Expression x : list) {
                    candidates.add(node(x));
                }
                return new ConditionNode.In(node(in.getLeftExpression()), candidates, in.isNot());
            }
            if (e instanceof Between b) {
                return new ConditionNode.Between(node(b.getLeftExpression()), node(b.getBetweenExpressionStart()),
                        node(b.getBetweenExpressionEnd()), b.isNot());
            }
            if (e instanceof IsNullExpression isNull) {
                return new ConditionNode.IsNull(node(isNull.getLeftExpression()), isNull.isNot());
            }
            if (e instanceof LikeExpression like) {
                return like(like);
            }
            if (e instanceof Addition a) {
                return new ConditionNode.Arithmetic('+', node(a.getLeftExpression()), node(a.getRightExpression()));
            }
            if (e instanceof Subtraction s) {
                return new ConditionNode.Arithmetic('-', node(s.getLeftExpression()), node(s.getRightExpression()));
            }
            if (e instanceof Multiplication m) {
                return new ConditionNode.Arithmetic('*', node(m.getLeftExpression()), node(m.getRightExpression()));
            }
            if (e instanceof Division d) {
                return new ConditionNode.Arithmetic('/', node(d.getLeftExpression()), node(d.getRightExpression()));
            }
            if (e instanceof Modulo m) {
                return new ConditionNode.Arithmetic('%', node(m.getLeftExpression()), node(m.getRightExpression()));
            }
            if (e instanceof SignedExpression signed) {
                return switch (signed.getSign()) {
                    case '-' -> new ConditionNode.Negate(node(signed.getExpression()));
                    case '+' -> node(signed.getExpression());
                    default -> throw unsupported(e, "the operator " + signed.getSign());
                };
            }
            if (e instanceof Column column) {
                return column(column);
            }
            if (e instanceof LongValue n) {
                return new ConditionNode.Literal(new BigDecimal(new BigInteger(n.getStringValue())));
            }
            if (e instanceof DoubleValue d) {
                String literal = d.toString();
                // 1.5 is an exact DECIMAL literal for the server; 1.5e0 is a DOUBLE.
                return new ConditionNode.Literal(literal.toLowerCase(Locale.ROOT).contains("e")
                        ? (Object) Double.parseDouble(literal) : new BigDecimal(literal));
            }
            if (e instanceof StringValue s) {
                if (s.getPrefix() != null && !s.getPrefix().isEmpty() && !s.getPrefix().equalsIgnoreCase("N")) {
                    throw unsupported(e, "a string literal with the prefix " + s.getPrefix());
                }
                return new ConditionNode.Literal(new SqlValues.Text(unescape(s.getValue()), StringFold.LITERAL));
            }
            if (e instanceof NullValue) {
                return new ConditionNode.Literal(null);
            }
            if (e instanceof BooleanValue b) {
                return new ConditionNode.Literal(b.getValue() ? BigDecimal.ONE : BigDecimal.ZERO);
            }
            if (e instanceof DateTimeLiteralExpression dt) {
                return dateTimeLiteral(dt.getType().name(), dt.getValue(), e);
            }
            if (e instanceof CastExpression cast && cast.isImplicitCast() && cast.getLeftExpression() instanceof StringValue s) {
                // DATE '2024-01-01', TIME '10:00:00', TIMESTAMP '2024-01-01 10:00:00'
                return dateTimeLiteral(cast.getColDataType().getDataType().toUpperCase(Locale.ROOT), s.getValue(), e);
            }
            if (e instanceof CosineSimilarity nullSafe) {
                // The parser knows <=> from another dialect; in MySQL it is NULL-safe equality.
                return new ConditionNode.NullSafeEquals(node(nullSafe.getLeftExpression()), node(nullSafe.getRightExpression()));
            }
            if (e instanceof Function f) {
                throw unsupported(e, "the function " + f.getName() + "()");
            }
            if (e instanceof ParenthesedSelect) {
                throw unsupported(e, "a subquery");
            }
            throw unsupported(e, e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT));
        }

        private ConditionNode compare(Comparison op, Expression left, Expression right) throws UnsupportedConditionException {
            return new ConditionNode.Compare(op, node(left), node(right));
        }

        private ConditionNode like(LikeExpression like) throws UnsupportedConditionException {
            if (like.getLikeKeyWord() != LikeExpression.KeyWord.LIKE || like.isUseBinary()) {
                throw unsupported(like, like.getLikeKeyWord() + (like.isUseBinary() ? " BINARY" : ""));
            }
            char escape = '\\';
            if (like.getEscape() != null) {
                if (!(like.getEscape() instanceof StringValue s) || unescape(s.getValue()).length() != 1) {
                    throw unsupported(like, "an ESCAPE that is not one quoted character");
                }
                escape = unescape(s.getValue()).charAt(0);
            }
            return new ConditionNode.Like(node(like.getLeftExpression()), node(like.getRightExpression()), escape, like.isNot());
        }

        private ConditionNode column(Column column) throws UnsupportedConditionException {
            if (column.getTable() != null && column.getTable().getName() != null) {
                throw unsupported(column, "a qualified column name; name the column alone");
            }
            String name = column.getColumnName();
            if (name.length() >= 2 && name.startsWith("`") && name.endsWith("`")) {
                name = name.substring(1, name.length() - 1).replace("``", "`");
            } else if (name.startsWith("\"") || name.startsWith("[")) {
                throw unsupported(column, "a column quoted with " + name.charAt(0) + "; use backquotes");
            } else if (name.equalsIgnoreCase("true") || name.equalsIgnoreCase("false")) {
                return new ConditionNode.Literal(name.equalsIgnoreCase("true") ? BigDecimal.ONE : BigDecimal.ZERO);
            }
            String key = name.toLowerCase(Locale.ROOT);
            columns.add(key);
            return new ConditionNode.ColumnRef(key);
        }

        private ConditionNode dateTimeLiteral(String type, String quoted, Expression e) throws UnsupportedConditionException {
            String value = unescape(quoted.replaceAll("^'|'$", ""));
            try {
                return switch (type) {
                    case "DATE" -> new ConditionNode.Literal(LocalDate.parse(value.trim()));
                    case "DATETIME", "TIMESTAMP" -> new ConditionNode.Literal(SqlValues.parseDateTime(value));
                    case "TIME" -> new ConditionNode.Literal(new SqlValues.TimeOfDay(SqlValues.parseTimeMicros(value)));
                    default -> throw unsupported(e, "a " + type + " literal");
                };
            } catch (EvaluationException | java.time.format.DateTimeParseException bad) {
                throw new UnsupportedConditionException("the literal " + e + " is not a valid " + type);
            }
        }

        private static UnsupportedConditionException unsupported(Expression e, String what) {
            return new UnsupportedConditionException("'" + e + "' uses " + what + ", which the stream side cannot evaluate as the "
                    + "server would. Use comparisons, AND/OR/NOT, IN, BETWEEN, LIKE, IS NULL and + - * / % over the table's "
                    + "columns and literals");
        }
    }

    /** The server's reading of a quoted string's body: '' and the backslash escapes; \% and \_ stay for LIKE. */
    static String unescape(String body) {
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                out.append('\'');
                i++;
            } else if (c == '\\' && i + 1 < body.length()) {
                char n = body.charAt(++i);
                switch (n) {
                    case '0' -> out.append('\0');
                    case 'b' -> out.append('\b');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'Z' -> out.append('\u001A');
                    case '%', '_' -> out.append('\\').append(n);
                    default -> out.append(n);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
