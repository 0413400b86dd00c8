package io.mysqlmigrate.sink.apply;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.dialect.BinlogPosition;
import org.junit.jupiter.api.Test;

class PartitionApplierTest {

    private static final BinlogPosition LAST = BinlogPosition.parse("mysql-bin.000003:500:2:0@s");

    @Test
    void aChangeBeforeTheLastAppliedPositionIsARepeat() {
        assertTrue(PartitionApplier.alreadyApplied(BinlogPosition.parse("mysql-bin.000003:500:1:9@s"), LAST));
        assertTrue(PartitionApplier.alreadyApplied(BinlogPosition.parse("mysql-bin.000002:900:0:0@s"), LAST));
    }

    @Test
    void aChangeAtTheSamePositionIsAppliedAgainBecauseAKeyChangeIsTwoRecordsThere() {
        assertFalse(PartitionApplier.alreadyApplied(LAST, LAST));
    }

    @Test
    void aLaterChangeIsNew() {
        assertFalse(PartitionApplier.alreadyApplied(BinlogPosition.parse("mysql-bin.000003:500:2:1@s"), LAST));
        assertFalse(PartitionApplier.alreadyApplied(BinlogPosition.parse("mysql-bin.000004:4:0:0@s"), LAST));
    }

    @Test
    void withoutPositionsOrOnAnotherServersLogNothingIsSkipped() {
        assertFalse(PartitionApplier.alreadyApplied(null, LAST));
        assertFalse(PartitionApplier.alreadyApplied(LAST, null));
        assertFalse(PartitionApplier.alreadyApplied(BinlogPosition.parse("binlog.000001:4:0:0"), LAST));
    }
}
