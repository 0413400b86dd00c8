package io.mysqlmigrate.precheck.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Repair statements: destination names, exact hexadecimal values in each column's character set, by key. */
class RepairSqlTest {

    private static final TablePair PAIR = new TablePair("shop", "orders", "shop_v2", "orders_2024", List.of(
            new TablePair.ColumnPair("id", "id", "int", null),
            new TablePair.ColumnPair("amt", "amount", "decimal", null),
            new TablePair.ColumnPair("note", "note", "varchar", "latin1"),
            new TablePair.ColumnPair("img", "img", "blob", null)), List.of("id"), null);

    @Test
    void aMissingRowIsInsertedWithTheSourcesValues() {
        assertEquals("INSERT INTO `shop_v2`.`orders_2024` (`id`, `amount`, `note`, `img`) VALUES (CONVERT(X'37' USING utf8mb4), "
                        + "CONVERT(X'312E3530' USING utf8mb4), CONVERT(X'E9' USING latin1), NULL);",
                RepairSql.insert(PAIR, Arrays.asList("37", "312E3530", "E9", null)));
    }

    @Test
    void aDifferentRowIsUpdatedByKey() {
        assertEquals("UPDATE `shop_v2`.`orders_2024` SET `amount` = CONVERT(X'31' USING utf8mb4), `note` = CONVERT(X'' USING latin1), "
                        + "`img` = X'00FF' WHERE `id` = CONVERT(X'37' USING utf8mb4);",
                RepairSql.update(PAIR, Arrays.asList("37", "31", "", "00FF")));
    }

    @Test
    void anExtraRowIsDeletedByKey() {
        assertEquals("DELETE FROM `shop_v2`.`orders_2024` WHERE `id` = CONVERT(X'3939' USING utf8mb4);",
                RepairSql.delete(PAIR, new RowKey(List.of(99), List.of("3939"))));
    }

    @Test
    void aTableOfKeyColumnsOnlyHasNothingToUpdate() {
        TablePair keysOnly = new TablePair("d", "t", "d", "t", List.of(new TablePair.ColumnPair("a", "a", "int", null)),
                List.of("a"), null);
        assertNull(RepairSql.update(keysOnly, List.of("31")));
    }
}
