package io.mysqlmigrate.source.selection.condition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a row filter computes with and the server's rules for comparing them: exact numbers as BigDecimal,
 * FLOAT/DOUBLE as Double (compared as doubles, as the server does), text with its column's collation, binary strings
 * byte by byte, and temporal values against quoted literals parsed into the column's type.
 */
public final class SqlValues {

    /** Text with the collation of the column it came from ({@link StringFold#LITERAL} for literals). */
    public record Text(String value, StringFold fold) {
        @Override
        public String toString() {
            return "'" + value + "'";
        }
    }

    /** A TIME value, which may be negative or exceed 24 hours, in microseconds. */
    public record TimeOfDay(long micros) {
    }

    private static final Pattern NUMBER_PREFIX = Pattern.compile("^\\s*[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern TIME = Pattern.compile("^\\s*(-)?(\\d+):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,6}))?)?\\s*$");

    private SqlValues() {
    }

    /** Compares as the server would; null when either side is NULL. */
    public static Integer compare(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        a = booleanAsNumber(a);
        b = booleanAsNumber(b);
        if (a instanceof Text x && b instanceof Text y) {
            StringFold fold = x.fold() != StringFold.LITERAL ? x.fold() : y.fold();
            return fold.compare(x.value(), y.value());
        }
        if (isTemporal(a) || isTemporal(b)) {
            return compareTemporal(a, b);
        }
        if (a instanceof byte[] || b instanceof byte[]) {
            return Arrays.compareUnsigned(bytes(a), bytes(b));
        }
        if (a instanceof Double || b instanceof Double || a instanceof Text || b instanceof Text) {
            return Double.compare(toDouble(a), toDouble(b));
        }
        return ((BigDecimal) a).compareTo((BigDecimal) b);
    }

    public static Object arithmetic(char op, Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        Object x = numeric(a);
        Object y = numeric(b);
        if (x instanceof Double || y instanceof Double) {
            double p = toDouble(x);
            double q = toDouble(y);
            return switch (op) {
                case '+' -> p + q;
                case '-' -> p - q;
                case '*' -> p * q;
                case '/' -> q == 0 ? null : p / q;
                case '%' -> q == 0 ? null : p % q;
                default -> throw new IllegalArgumentException("operator " + op);
            };
        }
        BigDecimal p = (BigDecimal) x;
        BigDecimal q = (BigDecimal) y;
        return switch (op) {
            case '+' -> p.add(q);
            case '-' -> p.subtract(q);
            case '*' -> p.multiply(q);
            // The server gives a quotient the dividend's scale plus div_precision_increment (4 by default).
            case '/' -> q.signum() == 0 ? null : p.divide(q, p.scale() + 4, RoundingMode.HALF_UP);
            case '%' -> q.signum() == 0 ? null : p.remainder(q);
            default -> throw new IllegalArgumentException("operator " + op);
        };
    }

    public static Object negate(Object a) {
        if (a == null) {
            return null;
        }
        Object x = numeric(a);
        return x instanceof Double d ? (Object) (-d) : ((BigDecimal) x).negate();
    }

    /** SQL truth of a value: NULL is unknown, numbers are true unless zero, text is read as a number. */
    public static Boolean truth(Object v) {
        if (v == null || v instanceof Boolean) {
            return (Boolean) v;
        }
        Object n = numeric(v);
        return n instanceof Double d ? d != 0 : ((BigDecimal) n).signum() != 0;
    }

    private static Object booleanAsNumber(Object v) {
        return v instanceof Boolean b ? (b ? BigDecimal.ONE : BigDecimal.ZERO) : v;
    }

    private static Object numeric(Object v) {
        v = booleanAsNumber(v);
        if (v instanceof BigDecimal || v instanceof Double) {
            return v;
        }
        if (v instanceof Text t) {
            return toDouble(t);
        }
        throw new EvaluationException("cannot compute with " + describe(v));
    }

    private static double toDouble(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof BigDecimal b) {
            return b.doubleValue();
        }
        if (v instanceof Text t) {
            // The server reads the longest numeric prefix of a string and takes 0 when there is none.
            Matcher m = NUMBER_PREFIX.matcher(t.value());
            return m.find() ? Double.parseDouble(m.group().trim()) : 0.0;
        }
        throw new EvaluationException("cannot compare " + describe(v) + " with a number");
    }

    private static byte[] bytes(Object v) {
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof Text t) {
            return t.value().getBytes(StandardCharsets.UTF_8);
        }
        throw new EvaluationException("cannot compare " + describe(v) + " with a binary string");
    }

    private static boolean isTemporal(Object v) {
        return v instanceof LocalDate || v instanceof LocalDateTime || v instanceof TimeOfDay;
    }

    private static int compareTemporal(Object a, Object b) {
        if (a instanceof Text t) {
            return -compareTemporal(b, t);
        }
        if (a instanceof TimeOfDay x) {
            long y = b instanceof TimeOfDay t ? t.micros() : parseTime(b);
            return Long.compare(x.micros(), y);
        }
        LocalDateTime x = a instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) a;
        LocalDateTime y;
        if (b instanceof LocalDate d) {
            y = d.atStartOfDay();
        } else if (b instanceof LocalDateTime dt) {
            y = dt;
        } else if (b instanceof Text t) {
            y = parseDateTime(t.value());
        } else {
            throw new EvaluationException("cannot compare a date with " + describe(b) + "; write dates as quoted literals");
        }
        return x.compareTo(y);
    }

    /** 'YYYY-MM-DD', 'YYYY-MM-DD hh:mm[:ss[.ffffff]]' or the same with a 'T'. */
    public static LocalDateTime parseDateTime(String text) {
        String s = text.trim().replace(' ', 'T');
        try {
            if (s.length() <= 10) {
                return LocalDate.parse(s).atStartOfDay();
            }
            return LocalDateTime.parse(s);
        } catch (DateTimeParseException e) {
            throw new EvaluationException("'" + text + "' is not a date or datetime literal (use 'YYYY-MM-DD hh:mm:ss')");
        }
    }

    private static long parseTime(Object v) {
        if (!(v instanceof Text t)) {
            throw new EvaluationException("cannot compare a time with " + describe(v) + "; write times as quoted literals");
        }
        return parseTimeMicros(t.value());
    }

    /** '[-]hhh:mm[:ss[.ffffff]]' in microseconds. */
    public static long parseTimeMicros(String text) {
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            try {
                return LocalTime.parse(text.trim()).toNanoOfDay() / 1000;
            } catch (DateTimeParseException e) {
                throw new EvaluationException("'" + text + "' is not a time literal (use 'hh:mm:ss')");
            }
        }
        long micros = Long.parseLong(m.group(2)) * 3_600_000_000L + Long.parseLong(m.group(3)) * 60_000_000L
                + (m.group(4) == null ? 0 : Long.parseLong(m.group(4)) * 1_000_000L)
                + (m.group(5) == null ? 0 : Long.parseLong((m.group(5) + "00000").substring(0, 6)));
        return m.group(1) != null ? -micros : micros;
    }

    static String describe(Object v) {
        if (v instanceof byte[]) {
            return "a binary string";
        }
        return v.getClass().getSimpleName() + " " + v;
    }
}
