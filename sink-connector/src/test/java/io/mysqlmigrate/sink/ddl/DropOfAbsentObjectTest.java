package io.mysqlmigrate.sink.ddl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DropOfAbsentObjectTest {

    @Test
    void aDropOfAViewRoutineTriggerOrEventTheDestinationLacksIsInEffect() {
        assertTrue(DdlApplier.dropOfAbsentObject("DROP PROCEDURE bump", new SQLException("PROCEDURE s.bump does not exist", "42000", 1305)));
        assertTrue(DdlApplier.dropOfAbsentObject("/* c */ drop function f", new SQLException("x", "42000", 1305)));
        assertTrue(DdlApplier.dropOfAbsentObject("-- replaced by drop and create\nDROP PROCEDURE bump", new SQLException("x", "42000", 1305)));
        assertTrue(DdlApplier.dropOfAbsentObject("DROP TRIGGER t_bi", new SQLException("Trigger does not exist", "HY000", 1360)));
        assertTrue(DdlApplier.dropOfAbsentObject("DROP EVENT ev", new SQLException("Unknown event 'ev'", "HY000", 1539)));
        assertTrue(DdlApplier.dropOfAbsentObject("DROP VIEW v", new SQLException("Unknown table 's.v'", "42S02", 1051)));
    }

    @Test
    void aDropOfATableOrAnotherFailureIsNot() {
        assertFalse(DdlApplier.dropOfAbsentObject("DROP TABLE t", new SQLException("Unknown table 's.t'", "42S02", 1051)));
        assertFalse(DdlApplier.dropOfAbsentObject("DROP PROCEDURE p", new SQLException("denied", "42000", 1370)));
        assertFalse(DdlApplier.dropOfAbsentObject("CREATE VIEW v AS SELECT 1", new SQLException("x", "42S02", 1051)));
    }
}
