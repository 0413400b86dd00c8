INSERT INTO `group` VALUES (3, 'before');
ALTER TABLE `group` ADD COLUMN `new col.with "all" ``kinds``` INT DEFAULT 7;
INSERT INTO `group` VALUES (4, 'after add', 8);
ALTER TABLE `group` CHANGE COLUMN `desc` `описание ☃` VARCHAR(30);
UPDATE `group` SET `описание ☃` = 'renamed column' WHERE id = 1;
ALTER TABLE `group` RENAME COLUMN `new col.with "all" ``kinds``` TO `where`;
UPDATE `group` SET `where` = 9 WHERE id = 2;
CREATE INDEX `idx.with.dots` ON `group` (`where`);
ALTER TABLE `group` RENAME TO `group by "name"`;
INSERT INTO `group by "name"` VALUES (5, 'after rename', 10);
-- a backtick in a new table name: RENAME TABLE (ALTER TABLE ... RENAME TO `ta``ble` is
-- fail_alter_rename_to_escaped_backtick: Debezium's parser keeps the doubled backtick there)
RENAME TABLE `group by "name"` TO `ta``ble`;
DELETE FROM `ta``ble` WHERE id = 3;
CREATE TABLE `new table.live` (`primary` INT NOT NULL PRIMARY KEY, `check` VARCHAR(5));
INSERT INTO `new table.live` VALUES (1, 'ok');
ALTER TABLE `new table.live` DROP COLUMN `check`;
DROP TABLE `new table.live`;
