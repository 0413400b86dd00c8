package io.mysqlmigrate.sink.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.dialect.Flavour;
import io.mysqlmigrate.sink.naming.NameCase;
import io.mysqlmigrate.sink.naming.NameMapping;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class DdlNameRewriterTest {

    private static final NameMapping SHOP = NameMapping.of(
            "shop=shop_v2, shop.orders=orders_2024, shop.orders.amt=amount, shop.items.sku=item_code, other.t=t2",
            NameCase.SOURCE, 0);

    private static String rewrite(String ddl, Flavour grammar) {
        return new DdlNameRewriter(SHOP).rewrite(ddl, "shop", grammar);
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void createTableRenamesTheTableItsColumnsAndTheColumnsItsExpressionsAndKeysName(Flavour grammar) {
        String ddl = "CREATE TABLE `orders` (\n  `id` int(11) NOT NULL,\n  `amt` decimal(10,2) DEFAULT NULL COMMENT 'amt stays here',\n"
                + "  `amt2` decimal(10,2) GENERATED ALWAYS AS (`amt` * 2) VIRTUAL,\n  PRIMARY KEY (`id`),\n  KEY `amt` (`amt`)\n) ENGINE=InnoDB";
        assertEquals("CREATE TABLE `orders_2024` (\n  `id` int(11) NOT NULL,\n  `amount` decimal(10,2) DEFAULT NULL COMMENT 'amt stays here',\n"
                + "  `amt2` decimal(10,2) GENERATED ALWAYS AS (`amount` * 2) VIRTUAL,\n  PRIMARY KEY (`id`),\n  KEY `amt` (`amount`)\n) ENGINE=InnoDB",
                rewrite(ddl, grammar));
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void alterTableRenamesEveryColumnPlaceAndTheNewTableName(Flavour grammar) {
        assertEquals("ALTER TABLE `orders_2024` ADD COLUMN note INT AFTER `amount`, CHANGE `amount` `amount` DECIMAL(12,2), "
                        + "MODIFY `amount` DECIMAL(13,2) FIRST, DROP COLUMN `amount`, ADD INDEX ix (`amount`, id), "
                        + "ALTER COLUMN `amount` SET DEFAULT 1",
                rewrite("ALTER TABLE orders ADD COLUMN note INT AFTER amt, CHANGE amt AMT DECIMAL(12,2), MODIFY amt DECIMAL(13,2) "
                        + "FIRST, DROP COLUMN amt, ADD INDEX ix (amt, id), ALTER COLUMN amt SET DEFAULT 1", grammar));
        assertEquals("ALTER TABLE `shop_v2`.`orders_2024` RENAME TO `shop_v2`.`archive`",
                rewrite("ALTER TABLE shop.orders RENAME TO shop.archive", grammar));
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void renameTableRewritesBothNamesWhichIsAllItNeedsSinceTheEventCarriesNoPreviousName(Flavour grammar) {
        assertEquals("RENAME TABLE `orders_2024` TO orders_old, `shop_v2`.`items` TO `other`.`t2`",
                rewrite("RENAME TABLE orders TO orders_old, shop.items TO other.t", grammar));
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void indexesTruncateDropAndDatabasesAreRenamed(Flavour grammar) {
        assertEquals("CREATE UNIQUE INDEX amt ON `shop_v2`.`orders_2024` (`amount`(5), id DESC)",
                rewrite("CREATE UNIQUE INDEX amt ON shop.orders (amt(5), id DESC)", grammar));
        assertEquals("DROP INDEX amt ON `orders_2024`", rewrite("DROP INDEX amt ON orders", grammar));
        assertEquals("TRUNCATE TABLE `orders_2024`", rewrite("TRUNCATE TABLE orders", grammar));
        assertEquals("DROP TABLE IF EXISTS `orders_2024`, items, `other`.`t2`", rewrite("DROP TABLE IF EXISTS orders, items, other.t", grammar));
        assertEquals("CREATE DATABASE IF NOT EXISTS `shop_v2` CHARACTER SET utf8mb4", rewrite("CREATE DATABASE IF NOT EXISTS shop CHARACTER SET utf8mb4", grammar));
        assertEquals("DROP DATABASE `shop_v2`", rewrite("DROP DATABASE shop", grammar));
        assertEquals("CREATE TABLE `orders_2024` LIKE `other`.`t2`", rewrite("CREATE TABLE orders LIKE other.t", grammar));
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void foreignKeysRenameTheReferencedTableAndItsColumns(Flavour grammar) {
        assertEquals("CREATE TABLE items (id INT PRIMARY KEY, `item_code` INT, o INT, "
                        + "CONSTRAINT fk FOREIGN KEY (o, `item_code`) REFERENCES `orders_2024` (id, `amount`))",
                rewrite("CREATE TABLE items (id INT PRIMARY KEY, sku INT, o INT, CONSTRAINT fk FOREIGN KEY (o, sku) REFERENCES orders (id, amt))",
                        grammar));
    }

    @Test
    void namesInStringsAndCommentsAndUnmappedObjectsStayUntouched() {
        String ddl = "/* orders amt */ ALTER TABLE shop.customers ADD COLUMN amt INT DEFAULT 0 COMMENT 'orders.amt'";
        assertEquals("/* orders amt */ ALTER TABLE `shop_v2`.`customers` ADD COLUMN amt INT DEFAULT 0 COMMENT 'orders.amt'",
                rewrite(ddl, Flavour.MARIADB));
    }

    @Test
    void casePolicyLowersDatabasesTablesAndColumnsWithoutRules() {
        NameMapping lower = NameMapping.of("", NameCase.LOWER, 0);
        assertEquals("CREATE TABLE `Shop`.`orders` (`id` INT PRIMARY KEY, `amount` INT, KEY KeepMe (`amount`))".replace("`Shop`", "`shop`"),
                new DdlNameRewriter(lower).rewrite("CREATE TABLE Shop.Orders (`ID` INT PRIMARY KEY, Amount INT, KEY KeepMe (AMOUNT))",
                        "Shop", Flavour.MYSQL));
    }

    @Test
    void withoutMappingTheStatementIsNotEvenParsed() {
        String notSql = "this is not SQL at all";
        assertSame(notSql, new DdlNameRewriter(NameMapping.IDENTITY).rewrite(notSql, "shop", Flavour.MYSQL));
    }

    @Test
    void aStatementTheGrammarCannotReadIsRefusedNotGuessedAt() {
        var e = assertThrows(DdlNameRewriter.UnreadableDdlException.class, () -> rewrite("ALTER TABLE orders FROBNICATE amt", Flavour.MYSQL));
        assertTrue(e.getMessage().contains("MySQL grammar cannot read"), e.getMessage());
    }

}
