package io.mysqlmigrate.source.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimultaneousColumnNamesTest {

    @Test
    void aSwapOrChainInOneAlterIsReported() {
        assertConflict("ALTER TABLE t RENAME COLUMN new_name TO other, RENAME COLUMN other TO new_name", "other", 1, 2);
        assertConflict("alter table `db`.`t` change a b INT, change column b a INT NOT NULL", "b", 1, 2);
        assertConflict("ALTER TABLE t RENAME COLUMN a TO b, RENAME COLUMN b TO c", "b", 1, 2);
        assertConflict("ALTER TABLE t RENAME COLUMN `A` TO `B`, DROP COLUMN b", "b", 1, 2);
        assertConflict("ALTER TABLE t ADD COLUMN x DECIMAL(10,2), MODIFY y INT, RENAME COLUMN x TO z", "x", 1, 3);
        assertConflict("ALTER TABLE t ADD (p INT, `q``r` ENUM('a','b')), CHANGE `q``r` s INT", "q`r", 1, 2);
        assertConflict("ALTER ONLINE TABLE IF EXISTS t CHANGE IF EXISTS a b INT, DROP IF EXISTS b", "b", 1, 2);
    }

    @Test
    void renamesWhoseNewNameWasFreedEarlierAreTheSameReadEitherWay() {
        assertNone("ALTER TABLE t RENAME COLUMN b TO c, RENAME COLUMN a TO b");
        assertNone("ALTER TABLE t DROP COLUMN a, RENAME COLUMN b TO a");
        assertNone("ALTER TABLE t RENAME COLUMN old_name TO new_name");
        assertNone("ALTER TABLE t CHANGE a a BIGINT, CHANGE b B INT");
        assertNone("ALTER TABLE t ADD INDEX b (a), DROP INDEX a, RENAME INDEX c TO a, ADD KEY k (b)");
        assertNone("ALTER TABLE t ADD COLUMN w INT COMMENT 'RENAME COLUMN a TO b, DROP b'");
        assertNone("RENAME TABLE a TO tmp_swap, b TO a, tmp_swap TO b");
        assertNone("CREATE TABLE t (a INT, b INT)");
        assertNone(null);
    }

    @Test
    void namesTheTableAsWritten() {
        assertEquals("t", SimultaneousColumnNames.tableOf("ALTER TABLE t RENAME COLUMN a TO b"));
        assertEquals("`d`.`t``x`", SimultaneousColumnNames.tableOf("alter ignore table `d`.`t``x` drop a"));
    }

    private static void assertConflict(String ddl, String name, int first, int later) {
        Optional<String> conflict = SimultaneousColumnNames.conflict(ddl);
        assertTrue(conflict.isPresent(), ddl);
        assertTrue(conflict.get().startsWith("clause " + first + " gives a column the name `" + name + "` that clause " + later
                + " renames or drops"), conflict.get());
    }

    private static void assertNone(String ddl) {
        assertEquals(Optional.empty(), SimultaneousColumnNames.conflict(ddl), ddl);
    }
}
