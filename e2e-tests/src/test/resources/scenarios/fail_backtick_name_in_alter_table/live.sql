INSERT INTO `group` VALUES (2, 'before');
-- Debezium's DDL parser keeps the doubled backtick in the names of ALTER TABLE's clauses: its schema would get a
-- column new ``col`` where the server has new `col` (and ALTER TABLE ... RENAME TO `ta``ble` a table ta``ble)
ALTER TABLE `group` ADD COLUMN `new ``col``` INT DEFAULT 7;
INSERT INTO `group` VALUES (3, 'after', 8);
