package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mysqlmigrate.precheck.checks.CapturedValuesCheck.Kind;
import io.mysqlmigrate.precheck.checks.CapturedValuesScan.Column;
import io.mysqlmigrate.precheck.checks.CapturedValuesScan.Finding;
import io.mysqlmigrate.source.selection.condition.RowCondition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The texts and statements of the assess.values.* checks that need no server (the scan itself: CapturedValuesOnMariaDbIT). */
class CapturedValuesCheckTest {

    private static Finding finding(Column column, Kind kind, Map<String, Long> counts, String filter, List<String> onUpdate)
            throws Exception {
        return new Finding(column, kind, new LinkedHashMap<>(counts), filter == null ? null : RowCondition.compile(filter), onUpdate);
    }

    @Test
    void aLatin1DefinitionBecomesUtf8mb4KeepingEverythingElse() {
        assertEquals("`c` varchar(20) CHARACTER SET utf8mb4 DEFAULT 'x' COMMENT 'a COLLATE b'",
                CapturedValuesCheck.utf8mb4Definition("`c` varchar(20) CHARACTER SET latin1 COLLATE latin1_swedish_ci DEFAULT 'x' "
                        + "COMMENT 'a COLLATE b'", "`c`"));
        assertEquals("`b` char(3) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL",
                CapturedValuesCheck.utf8mb4Definition("`b` char(3) COLLATE latin1_bin NOT NULL", "`b`"), "binary stays binary");
        assertEquals("`t` text CHARACTER SET utf8mb4",
                CapturedValuesCheck.utf8mb4Definition("`t` text", "`t`"), "a column in the table's default character set");
        assertEquals("`a b` tinytext CHARACTER SET utf8mb4 DEFAULT NULL",
                CapturedValuesCheck.utf8mb4Definition("`a b` tinytext CHARACTER SET latin1 DEFAULT NULL", "`a b`"));
    }

    @Test
    void aFindingNamesTheColumnItsRowsEachVariantAndWhatItBecomes() throws Exception {
        Column dn = new Column("shop", "orders", "shipped", "date", false);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("zero date", 2L);
        counts.put("zero month or day", 1L);
        assertEquals("shop.orders.shipped (DATE NOT NULL): 3 rows (zero date: 2, zero month or day: 1) -> 1970-01-01",
                CapturedValuesCheck.describe(finding(dn, Kind.ZERO_DATES, counts, null, List.of())));
        Column y = new Column("shop", "cars", "built", "year", true);
        assertEquals("shop.cars.built (YEAR NULL): 1 row (year 0000: 1) -> the source task stops (MariaDB), 2000 (MySQL)",
                CapturedValuesCheck.describe(finding(y, Kind.YEAR_ZERO, Map.of("year 0000", 1L), null, List.of())));
    }

    @Test
    void theFixingUpdateKeepsOnUpdateColumnsAndTheRowFilter() throws Exception {
        Column d = new Column("shop", "orders", "due", "datetime", true);
        assertEquals("UPDATE `shop`.`orders` SET `due` = NULL, `changed` = `changed` WHERE (YEAR(`due`) = 0 OR MONTH(`due`) = 0 "
                        + "OR DAYOFMONTH(`due`) = 0) AND (id < 100)",
                CapturedValuesCheck.update(finding(d, Kind.ZERO_DATES, Map.of("zero date", 1L), "id < 100", List.of("changed"))));
        Column ts = new Column("shop", "orders", "changed", "timestamp", true);
        assertEquals("UPDATE `shop`.`orders` SET `changed` = NULL WHERE MONTH(`changed`) = 0",
                CapturedValuesCheck.update(finding(ts, Kind.ZERO_TIMESTAMPS, Map.of("zero timestamp", 1L), null, List.of("changed"))),
                "the column itself is not kept");
        Column notNull = new Column("shop", "orders", "placed", "datetime", false);
        assertEquals("UPDATE `shop`.`orders` SET `placed` = <a valid datetime> WHERE `placed` >= '1582-10-05' AND `placed` < '1582-10-15'",
                CapturedValuesCheck.update(finding(notNull, Kind.CALENDAR_SWITCH, Map.of("1582-10-05 to 1582-10-14", 1L), null, List.of())),
                "a value the operator must choose is a placeholder that does not run as it is");
    }
}
