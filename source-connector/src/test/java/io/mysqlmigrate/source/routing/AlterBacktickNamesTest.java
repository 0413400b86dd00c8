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
        assertConflict("ALTER TABLE t ALTER COLUMN `a``b` SET DEFAULT 1", "`a``b`");
        assertConflict("ALTER TABLE t ADD COLUMN (`a``b` INT, c INT)", "`a``b`");
        assertConflict("ALTER TABLE t ADD `key` INT, ADD `a``b` INT", "`a``b`");
    }

    @Test
    void clausesNamingOnlyIndexesKeysAndConstraintsPassButNotTheClausesBesideThem() {
        assertNone("ALTER TABLE t ADD INDEX `i``x` (`a``b`, c)");
        assertNone("ALTER TABLE t ADD UNIQUE KEY `u``x` (`a``b`), ADD PRIMARY KEY (`p``k`)");
        assertNone("ALTER TABLE t ADD CONSTRAINT `c``k` CHECK (`a``b` > 0), ADD FULLTEXT `f``t` (`x``y`)");
        assertNone("alter table t add constraint `f``k` foreign key (`a``b`) references `p``t` (`i``d`)");
        assertNone("ALTER TABLE t DROP INDEX `i``x`, DROP FOREIGN KEY `f``k`, DROP CHECK `c``k`, DROP PRIMARY KEY");
        assertNone("ALTER TABLE t RENAME INDEX `i``x` TO `j``x`, RENAME KEY `k` TO `k``2`");
        assertNone("ALTER TABLE t ALTER INDEX `i``x` INVISIBLE");
        assertConflict("ALTER TABLE t ADD INDEX `i``x` (c), ADD COLUMN `a``b` INT", "`a``b`");
        assertConflict("ALTER TABLE t ADD INDEX i (c), RENAME TO `ta``ble`", "`ta``ble`");
        assertConflict("ALTER TABLE t DROP COLUMN `a``b`, DROP INDEX `i``x`", "`a``b`");
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
