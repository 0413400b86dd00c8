package io.mysqlmigrate.precheck.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TableComparisonTest {

    private static final String DEF = "CREATE TABLE `t` (\n  `id` int NOT NULL AUTO_INCREMENT,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB";

    @Test
    void theAutoIncrementCounterIsNotPartOfTheDefinition() {
        assertEquals(TableChecksum.normalizeDefinition(DEF + " AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4"),
                TableChecksum.normalizeDefinition(DEF + " AUTO_INCREMENT=7 DEFAULT CHARSET=utf8mb4"));
        assertTrue(TableChecksum.normalizeDefinition(DEF).contains("`id` int NOT NULL AUTO_INCREMENT,"), "the column attribute stays");
    }

    @Test
    void oneDifferingRowChecksumIsAMismatch() {
        TableFingerprint a = new TableFingerprint(DEF, 3, "100", "7");
        TableFingerprint b = new TableFingerprint(DEF, 3, "101", "6");
        TableComparison c = new TableComparison("d", "t", a, b);
        assertFalse(c.matches());
        assertEquals("d.t: same row count (3) but different contents", c.describe());
    }

    @Test
    void aMissingTableIsAMismatch() {
        assertFalse(new TableComparison("d", "t", new TableFingerprint(DEF, 0, "0", "0"), null).matches());
        assertTrue(new TableComparison("d", "t", new TableFingerprint(DEF, 1, "5", "5"), new TableFingerprint(DEF, 1, "5", "5")).matches());
    }
}
