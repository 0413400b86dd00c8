INSERT INTO `order` VALUES (3, 'from 3', 30, 300);
UPDATE `order` SET `select` = 4, `key` = 40 WHERE `select` = 3;
UPDATE `table with spaces` SET `col.with.dots` = 'changed', `col``backtick` = 'changed`', `ключ` = 'изменён' WHERE `id with space` = 1;
INSERT INTO `table with spaces` (`id with space`, `snowman☃`) VALUES (2, '🎉');
UPDATE `dotted.table` SET v = 'b' WHERE id = 1;
DELETE FROM `quote'd "table"` WHERE `a``b` = 2;
INSERT INTO `таблица` VALUES (2, 'два');
DELETE FROM `order` WHERE `from` = 'from 1';
