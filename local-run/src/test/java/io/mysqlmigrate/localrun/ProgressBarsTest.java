package io.mysqlmigrate.localrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressBarsTest {

    @Test
    void asciiBars() {
        assertEquals("[..........]", ProgressBars.bar(0, 10, false));
        assertEquals("[#####.....]", ProgressBars.bar(0.5, 10, false));
        assertEquals("[#####.....]", ProgressBars.bar(0.59, 10, false));
        assertEquals("[##########]", ProgressBars.bar(1, 10, false));
        assertEquals("[##########]", ProgressBars.bar(1.7, 10, false));
        assertEquals("[..........]", ProgressBars.bar(-1, 10, false));
        assertEquals("[..........]", ProgressBars.bar(Double.NaN, 10, false));
    }

    @Test
    void unicodeBarsUseEighthsAndKeepTheirWidth() {
        assertEquals("[░░░░]", ProgressBars.bar(0, 4, true));
        assertEquals("[██░░]", ProgressBars.bar(0.5, 4, true));
        assertEquals("[█▌░░]", ProgressBars.bar(0.375, 4, true));
        assertEquals("[████]", ProgressBars.bar(1, 4, true));
        for (double f = 0; f <= 1.0; f += 0.01) {
            assertEquals(22, ProgressBars.bar(f, 20, true).length(), "fraction " + f);
        }
    }

    @Test
    void fractionOfARow() {
        assertEquals(0.5, new ProgressBars.Row("t", 5, 10).fraction());
        assertEquals(1.0, new ProgressBars.Row("t", 0, 0).fraction(), "an empty table is complete");
        assertEquals(1.0, new ProgressBars.Row("t", 12, 10).fraction(), "live inserts beyond the start count");
        assertEquals("  0%", ProgressBars.percent(0));
        assertEquals(" 99%", ProgressBars.percent(0.999));
        assertEquals("100%", ProgressBars.percent(1));
    }

    @Test
    void theAreaHasOneLinePerTableATotalAndARateAndFitsTheTerminal() {
        List<ProgressBars.Row> rows = List.of(new ProgressBars.Row("shop.customers", 2_000, 2_000),
                new ProgressBars.Row("shop.order_lines", 2_500, 10_000), new ProgressBars.Row("shop.events", 0, 0));
        List<String> lines = ProgressBars.render(rows, 2_000_000_000L, "sink phase snapshot", false, 80);
        assertEquals(5, lines.size(), String.join("\n", lines));
        assertEquals("  shop.customers   [" + "#".repeat(lines.get(0).indexOf(']') - 20) + "] 100%   2,000 / 2,000",
                lines.get(0));
        assertTrue(lines.get(1).endsWith(" 25%  2,500 / 10,000"), lines.get(1));
        assertTrue(lines.get(2).endsWith("100%" + " ".repeat(11) + "0 / 0"), lines.get(2));
        assertTrue(lines.get(3).startsWith("  total            ["), lines.get(3));
        assertTrue(lines.get(3).endsWith(" 37%  4,500 / 12,000"), lines.get(3));
        assertEquals("  2,250 rows/s, 2.00 s; sink phase snapshot", lines.get(4));
        for (String line : lines) {
            assertTrue(line.length() <= 80, line.length() + ": " + line);
        }
        int bar = lines.get(0).indexOf('[');
        for (int i = 0; i < 4; i++) {
            assertEquals(bar, lines.get(i).indexOf('['), "bars line up");
        }
    }

    @Test
    void narrowTerminalsAndLongNamesAreCut() {
        List<ProgressBars.Row> rows = List.of(new ProgressBars.Row(
                "a_database_with_a_long_name.and_a_table_with_an_even_longer_name", 1, 3));
        for (int columns : new int[] {40, 60, 80, 200}) {
            for (String line : ProgressBars.render(rows, 1_000_000_000L, "x".repeat(100), true, columns)) {
                assertTrue(line.length() <= columns, columns + ": " + line);
            }
        }
        assertTrue(ProgressBars.render(rows, 1, "", true, 80).get(0).contains("…"));
    }

    @Test
    void theSummaryLineForPipes() {
        List<ProgressBars.Row> rows = List.of(new ProgressBars.Row("shop.customers", 1_000, 2_000),
                new ProgressBars.Row("shop.orders", 0, 5_000));
        assertEquals("  full load 14%: 1,000 / 7,000 rows, 500 rows/s, 2.00 s; sink phase snapshot "
                + "(shop.customers 1,000/2,000, shop.orders 0/5,000)",
                ProgressBars.summary(rows, 2_000_000_000L, "sink phase snapshot"));
    }
}
