package io.mysqlmigrate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BinlogPositionTest {

    @Test
    void ordersByFileIndexThenPositionEventAndRow() {
        BinlogPosition a = BinlogPosition.parse("mysql-bin.000009:900:0:0@db1:3306#1");
        BinlogPosition b = BinlogPosition.parse("mysql-bin.000010:4:0:0@db1:3306#1");
        BinlogPosition c = BinlogPosition.parse("mysql-bin.000010:4:2:0@db1:3306#1");
        BinlogPosition d = BinlogPosition.parse("mysql-bin.000010:4:2:1@db1:3306#1");
        assertTrue(a.compareTo(b) < 0, "a new file comes after any position of the previous one");
        assertTrue(b.compareTo(c) < 0);
        assertTrue(c.compareTo(d) < 0);
        assertEquals(0, d.compareTo(BinlogPosition.parse(d.format())));
    }

    @Test
    void readsDebeziumOffsets() {
        Map<String, Object> offset = new HashMap<>();
        offset.put("file", "mysql-bin.000001");
        offset.put("pos", 1234L);
        offset.put("event", 3L);
        offset.put("row", 1);
        offset.put("gtids", "0-1-7");
        assertEquals(new BinlogPosition("mysql-bin.000001", 1234, 3, 1, "s"), BinlogPosition.fromOffset(offset, "s"));
        offset.remove("event");
        offset.remove("row");
        assertEquals(new BinlogPosition("mysql-bin.000001", 1234, 0, 0, "s"), BinlogPosition.fromOffset(offset, "s"));
        assertNull(BinlogPosition.fromOffset(Map.of("server", "x"), "s"));
    }

    @Test
    void positionsOnAnotherServersLogAreNotComparable() {
        assertFalse(BinlogPosition.parse("binlog.000001:4:0:0@a").sameLogAs(BinlogPosition.parse("mysql-bin.000001:4:0:0@a")));
        assertTrue(BinlogPosition.parse("a.b.000001:4:0:0@s").sameLogAs(BinlogPosition.parse("a.b.000002:4:0:0@s")));
        assertFalse(BinlogPosition.parse("mysql-bin.000150:4:0:0@old-primary").sameLogAs(
                BinlogPosition.parse("mysql-bin.000020:4:0:0@new-primary")), "a failover: same file names, another server");
        assertFalse(BinlogPosition.parse("mysql-bin.000001:4:0:0").sameLogAs(BinlogPosition.parse("mysql-bin.000001:4:0:0")),
                "without a known server nothing compares");
    }

    @Test
    void theServerTravelsWithThePosition() {
        BinlogPosition p = BinlogPosition.parse("mysql-bin.000003:77:1:2@3e11fa47-71ca-11e1-9e33-c80aa9429562");
        assertEquals("3e11fa47-71ca-11e1-9e33-c80aa9429562", p.server());
        assertEquals(p, BinlogPosition.parse(p.format()));
    }
}
