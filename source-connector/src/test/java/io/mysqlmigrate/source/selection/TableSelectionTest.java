package io.mysqlmigrate.source.selection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableSelectionTest {

    @Test
    void databasesThenIncludeThenExcludeOnTheWholeName() {
        TableSelection s = new TableSelection(List.of("shop", "crm"), List.of("shop\\..*", "crm\\.people"), List.of("shop\\.tmp_.*"));
        assertTrue(s.selected(new TableName("shop", "orders")));
        assertTrue(s.selected(new TableName("shop", "ORDERS")), "patterns ignore case, as Debezium's do");
        assertFalse(s.selected(new TableName("shop", "tmp_1")));
        assertTrue(s.selected(new TableName("crm", "people")));
        assertFalse(s.selected(new TableName("crm", "people_old")), "a pattern matches the whole name");
        assertFalse(s.selected(new TableName("other", "orders")));
        assertTrue(new TableSelection(List.of("shop"), List.of(), List.of()).selected(new TableName("shop", "any")));
    }
}
