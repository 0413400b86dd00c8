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

    private static final TablePair GENERATED = new TablePair("d", "t", "d", "t", List.of(
            new TablePair.ColumnPair("my_row_id", "my_row_id", "bigint", null),
            new TablePair.ColumnPair("a", "a", "int", null),
            new TablePair.ColumnPair("s", "s", "int", null, true),
            new TablePair.ColumnPair("v", "v", "varchar", "utf8mb4", true)), List.of("my_row_id"), null);

    @Test
    void generatedColumnsAreNeverWrittenWhileAnOrdinaryKeyIs() {
        assertEquals("INSERT INTO `d`.`t` (`my_row_id`, `a`) VALUES (CONVERT(X'31' USING utf8mb4), CONVERT(X'32' USING utf8mb4));",
                RepairSql.insert(GENERATED, List.of("31", "32", "34", "33")),
                "a key column such as MySQL's generated invisible primary key is written; computed columns are not");
        assertEquals("UPDATE `d`.`t` SET `a` = CONVERT(X'32' USING utf8mb4) WHERE `my_row_id` = CONVERT(X'31' USING utf8mb4);",
                RepairSql.update(GENERATED, List.of("31", "32", "34", "33")));
    }

    @Test
    void aGeneratedKeyColumnIsMatchedOnButNotInserted() {
        TablePair generatedKey = new TablePair("d", "t", "d", "t", List.of(
                new TablePair.ColumnPair("a", "a", "int", null),
                new TablePair.ColumnPair("k", "k", "int", null, true)), List.of("k"), null);
        assertEquals("INSERT INTO `d`.`t` (`a`) VALUES (CONVERT(X'32' USING utf8mb4));", RepairSql.insert(generatedKey, List.of("32", "34")));
        assertEquals("DELETE FROM `d`.`t` WHERE `k` = CONVERT(X'34' USING utf8mb4);",
                RepairSql.delete(generatedKey, new RowKey(List.of(4), List.of("34"))));
    }

    @Test
    void aRowWhoseOtherColumnsAreAllGeneratedIsNamedInACommentNotSkipped() {
        TablePair keyAndGenerated = new TablePair("d", "t", "d", "t", List.of(
                new TablePair.ColumnPair("id", "id", "int", null),
                new TablePair.ColumnPair("g", "g", "int", null, true)), List.of("id"), null);
        String update = RepairSql.update(keyAndGenerated, List.of("31", "32"));
        assertEquals("-- `d`.`t` WHERE `id` = CONVERT(X'31' USING utf8mb4): only generated columns can differ, which no statement "
                + "writes; compare the column definitions (SHOW CREATE TABLE) on both sides", update);
    }
}
