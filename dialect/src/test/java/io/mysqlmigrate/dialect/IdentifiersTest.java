package io.mysqlmigrate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void splitsBackquotedSqlNames() {
        assertEquals(List.of("a", "b.c", "d`e"), Identifiers.splitQualified("a.`b.c`.`d``e`", '`'));
        assertEquals(List.of("t"), Identifiers.splitQualified("t", '`'));
    }

    @Test
    void splitsDebeziumTableIds() {
        assertEquals(List.of("my.db", "ta\"ble"), Identifiers.splitQualified("\"my.db\".\"ta\"\"ble\"", '"'));
    }

    @Test
    void quotesWithDoubledBackquotes() {
        assertEquals("`a``b`.`c`", Identifiers.quote("a`b", "c"));
    }
}
