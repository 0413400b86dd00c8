package io.mysqlmigrate.source.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EscapedQuoteRenameTargetTest {

    @Test
    void anUnqualifiedNewNameWithADoubledBacktickIsReported() {
        assertConflict("ALTER TABLE `group by \"name\"` RENAME TO `ta``ble`", "`ta``ble`");
        assertConflict("alter table t rename as `a``b`", "`a``b`");
        assertConflict("ALTER TABLE `d`.`t` RENAME `x``y`", "`x``y`");
        assertConflict("ALTER TABLE t ADD COLUMN c INT, RENAME TO `x``y`", "`x``y`");
    }

    @Test
    void otherRenamesAreReadRight() {
        assertNone("ALTER TABLE t RENAME TO `group by \"name\"`");
        assertNone("ALTER TABLE t RENAME TO `d`.`ta``ble`");
        assertNone("RENAME TABLE t TO `ta``ble`");
        assertNone("ALTER TABLE t RENAME COLUMN `a``b` TO `c``d`");
        assertNone("ALTER TABLE t RENAME INDEX `a``b` TO `c``d`");
        assertNone("ALTER TABLE t COMMENT 'RENAME TO `a``b`'");
        assertNone(null);
    }

    private static void assertConflict(String ddl, String name) {
        Optional<String> conflict = EscapedQuoteRenameTarget.conflict(ddl);
        assertTrue(conflict.isPresent(), ddl);
        assertTrue(conflict.get().startsWith("the new table name " + name + " holds a backtick"), conflict.get());
    }

    private static void assertNone(String ddl) {
        assertEquals(Optional.empty(), EscapedQuoteRenameTarget.conflict(ddl), ddl);
    }
}
