package io.mysqlmigrate.sink.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NameMappingTest {

    @Test
    void rulesMapDatabasesTablesAndColumnsAndOnlyThose() {
        NameMapping m = NameMapping.of("shop=shop_v2, shop.orders=orders_2024, shop.orders.amt=amount", NameCase.SOURCE, 0);
        assertEquals("shop_v2", m.database("shop"));
        assertEquals("crm", m.database("crm"));
        assertEquals("orders_2024", m.table("shop", "orders"));
        assertEquals("orders", m.table("crm", "orders"));
        assertEquals("Orders", m.table("shop", "Orders"), "table names match exactly, as on a case-sensitive server");
        assertEquals("amount", m.column("shop", "orders", "AMT"), "column names match without regard to case, as MySQL does");
        assertEquals("amt", m.column("shop", "items", "amt"));
        assertTrue(m.renamesColumnsOf("shop", "orders"));
        assertFalse(m.renamesColumnsOf("shop", "items"));
    }

    @Test
    void backquotesCarryDotsCommasAndEqualSigns() {
        NameMapping m = NameMapping.of("`my.db`.`a,b`=`x=y`", NameCase.SOURCE, 0);
        assertEquals("x=y", m.table("my.db", "a,b"));
    }

    @Test
    void casePolicies() {
        assertSame(NameMapping.IDENTITY, NameMapping.of("", NameCase.SOURCE, 1));
        assertSame(NameMapping.IDENTITY, NameMapping.of(" ", NameCase.DESTINATION, 0));
        NameMapping destination = NameMapping.of("", NameCase.DESTINATION, 1);
        assertEquals("shop", destination.database("Shop"));
        assertEquals("orders", destination.table("Shop", "Orders"));
        assertEquals("Amount", destination.column("Shop", "Orders", "Amount"));
        NameMapping upper = NameMapping.of("Shop.Orders=Orders_Keep", NameCase.UPPER, 0);
        assertEquals("SHOP", upper.database("Shop"));
        assertEquals("Orders_Keep", upper.table("Shop", "Orders"), "an explicit rule is used as written");
        assertEquals("AMOUNT", upper.column("Shop", "Orders", "Amount"));
    }

    @Test
    void badRulesAreRefusedNamingTheRule() {
        assertEquals("Rule 'shop' is not source=destination",
                assertThrows(IllegalArgumentException.class, () -> NameMapping.validate("a=b, shop")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NameMapping.validate("a.b.c.d=e")).getMessage()
                .contains("database, database.table or database.table.column"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NameMapping.validate("a.b=c.d")).getMessage()
                .contains("the destination is one name"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NameMapping.validate("a=b, a=c")).getMessage()
                .contains("Two rules map a"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NameMapping.validate("`a=b")).getMessage()
                .contains("Unclosed backquote"));
        NameMapping.validate("a=b, a=b"); // the same rule twice is harmless
    }
}
