package io.mysqlmigrate.source.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.source.selection.condition.RowCondition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowFilterSettingsTest {

    @Test
    void entriesSplitOnSemicolonsOutsideQuotes() {
        Map<TableName, RowCondition> filters = RowFilterSettings.parse(
                "shop.orders WHERE note <> 'a;b' AND amount > 10;  `my.db`.`odd table` where `x;y` = 1 ;");
        assertEquals(List.of(new TableName("shop", "orders"), new TableName("my.db", "odd table")), List.copyOf(filters.keySet()));
        assertEquals("note <> 'a;b' AND amount > 10", filters.get(new TableName("shop", "orders")).text());
        assertEquals("`x;y` = 1", filters.get(new TableName("my.db", "odd table")).text());
    }

    @Test
    void badEntriesAreRefusedNamingTheTableAndTheCondition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RowFilterSettings.parse("shop.orders WHERE created > NOW()"));
        assertTrue(e.getMessage().contains("shop.orders") && e.getMessage().contains("created > NOW()")
                && e.getMessage().contains("NOW()"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RowFilterSettings.parse("orders WHERE id > 1"))
                .getMessage().contains("database.table"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RowFilterSettings.parse("shop.orders id > 1"))
                .getMessage().contains("WHERE"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RowFilterSettings.parse("shop.a WHERE id = 'x"))
                .getMessage().contains("not closed"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RowFilterSettings.parse("s.a WHERE id = 1; s.a WHERE id = 2"))
                .getMessage().contains("two row filters"));
    }
}
