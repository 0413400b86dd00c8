package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mysqlmigrate.precheck.checks.KeyCollisions.KeyColumn;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The temporary table a key's values are compared in, and how values are shown. */
class KeyCollisionsTest {

    @Test
    void textColumnsTakeTheDestinationsCollationWhichImpliesItsCharacterSetAndTheRestAreBytes() {
        assertEquals("CREATE TEMPORARY TABLE `s`.`k` (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                        + "k1 VARBINARY(3072) NOT NULL, "
                        + "k2 VARCHAR(40) COLLATE utf8mb4_uca1400_nopad_ai_ci NOT NULL, "
                        + "k3 LONGTEXT COLLATE latin1_swedish_ci NOT NULL)",
                KeyCollisions.createTable("`s`.`k`", List.of(new KeyColumn("tenant", false, false, null, 0),
                        new KeyColumn("name", true, false, "utf8mb4_uca1400_nopad_ai_ci", 40),
                        new KeyColumn("body", true, false, "latin1_swedish_ci", 65535))));
    }

    @Test
    void textColumnsTooWideForOneRowTogetherBecomeLongText() {
        KeyColumn wide = new KeyColumn("a", true, false, "utf8mb4_bin", 1000);
        assertEquals("CREATE TEMPORARY TABLE t (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                        + "k1 VARCHAR(1000) COLLATE utf8mb4_bin NOT NULL, "
                        + "k2 VARCHAR(1000) COLLATE utf8mb4_bin NOT NULL)",
                KeyCollisions.createTable("t", List.of(wide, wide)));
        String sixteen = KeyCollisions.createTable("t", Collections.nCopies(16, wide));
        assertEquals(16, sixteen.split("LONGTEXT", -1).length - 1, "16 x 4,002 bytes pass MySQL's 65,535-byte row: " + sixteen);
    }

    @Test
    void valuesShowTheirCodePointsUnlessTheyArePlainAscii() {
        assertEquals("'it''s'", KeyCollisions.describeText("it's"));
        assertEquals("'\u00C5' (U+00C5)", KeyCollisions.describeText("\u00C5"));
        assertEquals("'x\uD83E\uDFF1' (U+0078 U+1FBF1)", KeyCollisions.describeText("x\uD83E\uDFF1"));
        assertEquals("'aaaaaaaaaaaa\u00E9' (U+0061 U+0061 U+0061 U+0061 U+0061 U+0061 U+0061 U+0061 U+0061 U+0061 U+0061 U+0061 ...)",
                KeyCollisions.describeText("aaaaaaaaaaaa\u00E9"));
        assertEquals("0x00FF", KeyCollisions.describeBytes(new byte[] {0, -1}, true));
        assertEquals("2024-01-02", KeyCollisions.describeBytes("2024-01-02".getBytes(StandardCharsets.UTF_8), false));
    }
}
