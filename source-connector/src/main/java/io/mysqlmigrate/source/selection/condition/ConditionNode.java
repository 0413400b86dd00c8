package io.mysqlmigrate.source.selection.condition;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A compiled row-filter expression. Predicates yield Boolean with SQL's three values (null is unknown); other nodes
 * yield {@link SqlValues} values.
 */
sealed interface ConditionNode {

    Object eval(RowImage row);

    record Literal(Object value) implements ConditionNode {
        public Object eval(RowImage row) {
            return value;
        }
    }

    record ColumnRef(String name) implements ConditionNode {
        public Object eval(RowImage row) {
            return row.value(name);
        }
    }

    record And(ConditionNode left, ConditionNode right) implements ConditionNode {
        public Object eval(RowImage row) {
            Boolean l = SqlValues.truth(left.eval(row));
            if (Boolean.FALSE.equals(l)) {
                return false;
            }
            Boolean r = SqlValues.truth(right.eval(row));
            if (Boolean.FALSE.equals(r)) {
                return false;
            }
            return l == null || r == null ? null : true;
        }
    }

    record Or(ConditionNode left, ConditionNode right) implements ConditionNode {
        public Object eval(RowImage row) {
            Boolean l = SqlValues.truth(left.eval(row));
            if (Boolean.TRUE.equals(l)) {
                return true;
            }
            Boolean r = SqlValues.truth(right.eval(row));
            if (Boolean.TRUE.equals(r)) {
                return true;
            }
            return l == null || r == null ? null : false;
        }
    }

    record Not(ConditionNode operand) implements ConditionNode {
        public Object eval(RowImage row) {
            Boolean v = SqlValues.truth(operand.eval(row));
            return v == null ? null : !v;
        }
    }

    enum Comparison { EQ, NE, LT, LE, GT, GE }

    record Compare(Comparison op, ConditionNode left, ConditionNode right) implements ConditionNode {
        public Object eval(RowImage row) {
            Integer c = SqlValues.compare(left.eval(row), right.eval(row));
            if (c == null) {
                return null;
            }
            return switch (op) {
                case EQ -> c == 0;
                case NE -> c != 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
            };
        }
    }

    /** The server's NULL-safe equality, {@code <=>}. */
    record NullSafeEquals(ConditionNode left, ConditionNode right) implements ConditionNode {
        public Object eval(RowImage row) {
            Object l = left.eval(row);
            Object r = right.eval(row);
            if (l == null || r == null) {
                return l == null && r == null;
            }
            return SqlValues.compare(l, r) == 0;
        }
    }

    record In(ConditionNode value, List<ConditionNode> candidates, boolean negated) implements ConditionNode {
        public Object eval(RowImage row) {
            Object v = value.eval(row);
            if (v == null) {
                return null;
            }
            boolean sawNull = false;
            for (ConditionNode candidate : candidates) {
                Integer c = SqlValues.compare(v, candidate.eval(row));
                if (c == null) {
                    sawNull = true;
                } else if (c == 0) {
                    return !negated;
                }
            }
            return sawNull ? null : negated;
        }
    }

    record Between(ConditionNode value, ConditionNode low, ConditionNode high, boolean negated) implements ConditionNode {
        public Object eval(RowImage row) {
            Object v = value.eval(row);
            Boolean inside = (Boolean) new And(new Literal(geq(v, low.eval(row))), new Literal(geq(high.eval(row), v))).eval(row);
            return inside == null ? null : inside != negated;
        }

        private static Boolean geq(Object a, Object b) {
            Integer c = SqlValues.compare(a, b);
            return c == null ? null : c >= 0;
        }
    }

    record IsNull(ConditionNode value, boolean negated) implements ConditionNode {
        public Object eval(RowImage row) {
            return (value.eval(row) == null) != negated;
        }
    }

    /** LIKE with % and _, the column's collation, and an escape character (backslash unless ESCAPE names another). */
    record Like(ConditionNode value, ConditionNode pattern, char escape, boolean negated) implements ConditionNode {
        public Object eval(RowImage row) {
            Object v = value.eval(row);
            Object p = pattern.eval(row);
            if (v == null || p == null) {
                return null;
            }
            StringFold fold = v instanceof SqlValues.Text t ? t.fold() : StringFold.LITERAL;
            String text = fold.fold(textOf(v));
            String regex = toRegex(fold.fold(textOf(p)), escape);
            return Pattern.compile(regex, Pattern.DOTALL).matcher(text).matches() != negated;
        }

        private static String textOf(Object v) {
            if (v instanceof SqlValues.Text t) {
                return t.value();
            }
            if (v instanceof byte[] b) {
                return new String(b, java.nio.charset.StandardCharsets.UTF_8);
            }
            if (v instanceof java.math.BigDecimal d) {
                return d.toPlainString();
            }
            return v.toString();
        }

        static String toRegex(String pattern, char escape) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == escape && i + 1 < pattern.length()) {
                    out.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
                } else if (c == '%') {
                    out.append(".*");
                } else if (c == '_') {
                    out.append('.');
                } else {
                    out.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return out.toString();
        }
    }

    record Arithmetic(char op, ConditionNode left, ConditionNode right) implements ConditionNode {
        public Object eval(RowImage row) {
            return SqlValues.arithmetic(op, left.eval(row), right.eval(row));
        }
    }

    record Negate(ConditionNode operand) implements ConditionNode {
        public Object eval(RowImage row) {
            return SqlValues.negate(operand.eval(row));
        }
    }
}
