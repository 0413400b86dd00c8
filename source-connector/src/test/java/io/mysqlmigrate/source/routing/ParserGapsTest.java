package io.mysqlmigrate.source.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParserGapsTest {

    @Test
    void aColumnSwapIsRefusedNamingTheStatementTheTableAndTheFix() {
        String swap = "ALTER TABLE t RENAME COLUMN new_name TO other, RENAME COLUMN other TO new_name";
        String refusal = ParserGaps.refusal("shop", swap).orElseThrow();
        assertTrue(refusal.contains("table t (database `shop`) cannot be captured: clause 1 gives"), refusal);
        assertTrue(refusal.contains("Statement: " + swap), refusal);
        assertTrue(refusal.contains("Fix:") && refusal.contains("separate statements"), refusal);
    }

    @Test
    void statementsReadRightPass() {
        assertEquals(Optional.empty(), ParserGaps.refusal("shop", "ALTER TABLE t RENAME COLUMN b TO c, RENAME COLUMN a TO b"));
        assertEquals(Optional.empty(), ParserGaps.refusal("shop", "RENAME TABLE t TO `ta``ble`"));
        assertEquals(Optional.empty(), ParserGaps.refusal("shop", "ALTER TABLE `group by \"name\"` RENAME TO `ta``ble`"));
        assertEquals(Optional.empty(), ParserGaps.refusal("shop", "ALTER TABLE t ADD COLUMN `a``b` INT, CHANGE `x` `y``z` INT"));
        assertEquals(Optional.empty(), ParserGaps.refusal(null, "CREATE TABLE t (a INT)"));
    }
}
