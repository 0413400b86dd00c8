package io.mysqlmigrate.source.selection.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RowConditionTest {

    private static final StringFold GENERAL_CI = StringFold.ofCollation("utf8mb4_general_ci");
    private static final StringFold BIN = StringFold.ofCollation("utf8mb4_bin");

    private static RowImage row(Object... pairs) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1]);
        }
        return column -> {
            if (!values.containsKey(column)) {
                throw new EvaluationException("no column " + column);
            }
            return values.get(column);
        };
    }

    private static boolean eval(String condition, RowImage row) throws Exception {
        return RowCondition.compile(condition).matches(row);
    }

    private static BigDecimal n(String v) {
        return new BigDecimal(v);
    }

    private static SqlValues.Text ci(String v) {
        return new SqlValues.Text(v, GENERAL_CI);
    }

    @Test
    void comparisonsAndLogicFollowSqlThreeValuedLogic() throws Exception {
        RowImage r = row("id", n("7"), "amount", n("120.50"), "note", null);
        assertTrue(eval("id = 7 AND amount > 100", r));
        assertFalse(eval("id = 7 AND amount > 200", r));
        assertTrue(eval("id <> 8 OR note = 'x'", r));
        assertFalse(eval("note = 'x'", r), "NULL compared is unknown, and unknown is not kept");
        assertFalse(eval("NOT (note = 'x')", r), "NOT unknown is still unknown");
        assertTrue(eval("note IS NULL AND id IS NOT NULL", r));
        assertTrue(eval("note <=> NULL", r));
        assertTrue(eval("amount BETWEEN 100 AND 120.5 AND id NOT BETWEEN 1 AND 5", r));
    }

    @Test
    void inIsNotSwallowedByTheConditionAfterIt() throws Exception {
        // jsqlparser 5.3 parsed this as id IN ((1, 2) AND status = 'x'); the version pinned must not.
        RowImage r = row("id", n("2"), "status", ci("y"));
        assertFalse(eval("id IN (1, 2) AND status = 'x'", r));
        assertTrue(eval("id NOT IN (3, 4) AND status = 'Y'", r));
        assertFalse(eval("id NOT IN (3, NULL)", r), "NOT IN with a NULL candidate is unknown");
    }

    @Test
    void textComparesUnderTheColumnsCollation() throws Exception {
        assertTrue(eval("name = 'ABC '", row("name", ci("abc"))), "general_ci ignores case and trailing spaces");
        assertTrue(eval("name = 'resume'", row("name", ci("résumé"))), "general_ci ignores accents");
        assertFalse(eval("name = 'ABC'", row("name", new SqlValues.Text("abc", BIN))));
        assertTrue(eval("name LIKE 'a_c%'", row("name", ci("ABCdef"))));
        assertFalse(eval("name LIKE 'abc'", row("name", ci("abc "))), "LIKE counts trailing spaces");
        assertTrue(eval("name LIKE '50\\%%'", row("name", ci("50% off"))));
        assertFalse(eval("name LIKE '50\\%%'", row("name", ci("500 off"))));
        assertTrue(eval("name LIKE '50!%%' ESCAPE '!'", row("name", ci("50% off"))));
        assertTrue(eval("name = 'it\\'s' OR name = 'it''s'", row("name", ci("it's"))));
    }

    @Test
    void numbersFollowTheServersConversions() throws Exception {
        assertTrue(eval("price = 1.1", row("price", 1.1d)), "DOUBLE against a decimal literal compares as doubles");
        assertFalse(eval("price = 1.1", row("price", (double) 1.1f)), "a FLOAT's 1.1 is not 1.1");
        assertTrue(eval("code = 42", row("code", ci("42abc"))), "text against a number is read as a number");
        assertTrue(eval("id % 2 = 0 AND id / 4 = 2.5 AND -id < 0 AND id * 2 + 1 = 21", row("id", n("10"))));
        assertFalse(eval("id / 0 = 1", row("id", n("10"))), "division by zero is NULL");
        assertTrue(eval("flag = TRUE", row("flag", Boolean.TRUE)));
        assertTrue(eval("big > 18446744073709551614", row("big", n("18446744073709551615"))));
    }

    @Test
    void temporalColumnsCompareWithQuotedLiterals() throws Exception {
        RowImage r = row("d", LocalDate.of(2024, 3, 1), "ts", LocalDateTime.of(2024, 3, 1, 10, 30, 0, 500_000_000),
                "t", new SqlValues.TimeOfDay(-3_600_000_000L));
        assertTrue(eval("d >= '2024-01-01' AND d < '2024-03-01 00:00:01'", r));
        assertTrue(eval("ts > '2024-03-01 10:30:00' AND ts < '2024-03-01 10:30:00.6'", r));
        assertTrue(eval("d = DATE '2024-03-01' AND ts < TIMESTAMP '2025-01-01 00:00:00'", r));
        assertTrue(eval("t < '00:00:00' AND t = '-01:00:00'", r));
        EvaluationException e = assertThrows(EvaluationException.class, () -> eval("d > 20240101", r));
        assertTrue(e.getMessage().contains("quoted"), e.getMessage());
    }

    @Test
    void columnsAreCollectedCaseInsensitivelyAndBackquotesAreUnderstood() throws Exception {
        RowCondition c = RowCondition.compile("`Order Total` > 10 AND Status = 'paid' AND status <> 'x'");
        assertEquals(Set.of("order total", "status"), c.columns());
        assertTrue(c.matches(row("order total", n("11"), "status", ci("PAID"))));
    }

    @Test
    void whatTheStreamCannotEvaluateIsRefusedNamingTheConstruct() {
        for (String[] bad : new String[][] {
                {"created > NOW()", "NOW()"},
                {"id IN (SELECT id FROM other)", "subquery"},
                {"t.id = 1", "qualified column"},
                {"name REGEXP '^a'", "REGEXP"},
                {"a = 1 AND", "not a valid SQL condition"},
                {"", "empty"}}) {
            UnsupportedConditionException e = assertThrows(UnsupportedConditionException.class, () -> RowCondition.compile(bad[0]), bad[0]);
            assertTrue(e.getMessage().contains(bad[1]), bad[0] + " -> " + e.getMessage());
        }
    }
}
