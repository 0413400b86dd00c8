package io.mysqlmigrate.source.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlterBacktickNamesTest {

    @Test
    void aColumnOrUnqualifiedNewTableNameWithABacktickInAnAlterIsReported() {
        assertConflict("ALTER TABLE `group by \"name\"` RENAME TO `ta``ble`", "`ta``ble`");
        assertConflict("alter table t rename as `a``b`", "`a``b`");
        assertConflict("ALTER TABLE `d`.`t` ADD COLUMN `new col.with \"all\" ``kinds``` INT DEFAULT 7",
                "`new col.with \"all\" ``kinds```");
        assertConflict("ALTER TABLE t CHANGE `x` `a``b` INT", "`a``b`");
        assertConflict("ALTER TABLE t MODIFY `a``b` BIGINT", "`a``b`");
        assertConflict("ALTER TABLE t DROP COLUMN `a``b`", "`a``b`");
        assertConflict("ALTER TABLE t RENAME COLUMN `a``b` TO c", "`a``b`");
        assertConflict("ALTER TABLE t ADD c INT AFTER `a``b`", "`a``b`");
    }

    @Test
    void namesDebeziumReadsRightAreNotReported() {
        assertNone("ALTER TABLE `ta``ble` ADD COLUMN c INT");
        assertNone("ALTER TABLE `d``x`.`ta``ble` ADD COLUMN c INT");
        assertNone("ALTER TABLE t RENAME TO `d`.`ta``ble`");
        assertNone("ALTER TABLE t RENAME TO `group by \"name\"`");
        assertNone("ALTER TABLE t ADD COLUMN `new col.with \"all\" kinds` INT COMMENT 'a `` b'");
        assertNone("RENAME TABLE t TO `ta``ble`");
        assertNone("CREATE TABLE `n``t` (`a``b` INT)");
        assertNone(null);
    }

    private static void assertConflict(String ddl, String name) {
        Optional<String> conflict = AlterBacktickNames.conflict(ddl);
        assertTrue(conflict.isPresent(), ddl);
        assertTrue(conflict.get().startsWith("the name " + name + " holds a backtick"), conflict.get());
    }

    private static void assertNone(String ddl) {
        assertEquals(Optional.empty(), AlterBacktickNames.conflict(ddl), ddl);
    }
}
