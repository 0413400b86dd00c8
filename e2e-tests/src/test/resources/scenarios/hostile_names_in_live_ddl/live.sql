INSERT INTO `group` VALUES (3, 'before');
ALTER TABLE `group` ADD COLUMN `new col.with "all" kinds` INT DEFAULT 7;
INSERT INTO `group` VALUES (4, 'after add', 8);
ALTER TABLE `group` CHANGE COLUMN `desc` `описание ☃` VARCHAR(30);
UPDATE `group` SET `описание ☃` = 'renamed column' WHERE id = 1;
ALTER TABLE `group` RENAME COLUMN `new col.with "all" kinds` TO `where`;
UPDATE `group` SET `where` = 9 WHERE id = 2;
CREATE INDEX `idx.with.dots` ON `group` (`where`);
ALTER TABLE `group` RENAME TO `group by "name"`;
INSERT INTO `group by "name"` VALUES (5, 'after rename', 10);
-- a backtick in a new table name: RENAME TABLE (names with a backtick in ALTER TABLE's clauses are
-- fail_backtick_name_in_alter_table: Debezium's parser keeps the doubled backtick there)
RENAME TABLE `group by "name"` TO `ta``ble`;
DELETE FROM `ta``ble` WHERE id = 3;
-- a backtick in a column name: in CREATE TABLE (Debezium reads its column names right)
CREATE TABLE `new table.live` (`primary` INT NOT NULL PRIMARY KEY, `check` VARCHAR(5), `back``tick` INT);
INSERT INTO `new table.live` VALUES (1, 'ok', 1);
ALTER TABLE `new table.live` DROP COLUMN `check`;
DROP TABLE `new table.live`;
