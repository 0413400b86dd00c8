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
-- a backtick in a new table name: RENAME TABLE (ALTER TABLE's clauses: backtick_names_in_alter_table)
RENAME TABLE `group by "name"` TO `ta``ble`;
DELETE FROM `ta``ble` WHERE id = 3;
-- a backtick in a column name: in CREATE TABLE
CREATE TABLE `new table.live` (`primary` INT NOT NULL PRIMARY KEY, `check` VARCHAR(5), `back``tick` INT);
INSERT INTO `new table.live` VALUES (1, 'ok', 1);
ALTER TABLE `new table.live` DROP COLUMN `check`;
DROP TABLE `new table.live`;
-- two backticks in a row, a backtick at either end, quotes, a semicolon, a comment marker, in CREATE TABLE's column and
-- table names and in CREATE INDEX (index and key-part names)
CREATE TABLE `two````ticks` (`k````k` INT NOT NULL PRIMARY KEY, ```lead` INT, `trail``` VARCHAR(5), `'); DROP TABLE x; --` INT);
INSERT INTO `two````ticks` VALUES (1, 2, 'x', 3);
CREATE INDEX `idx``one` ON `two````ticks` (```lead`, `'); DROP TABLE x; --`);
CREATE UNIQUE INDEX `uniq;"name"` ON `two````ticks` (`trail```);
UPDATE `two````ticks` SET ```lead` = 5, `'); DROP TABLE x; --` = 6 WHERE `k````k` = 1;
INSERT INTO `two````ticks` VALUES (2, 7, 'y', 8);
RENAME TABLE `two````ticks` TO ```both ends```;
DELETE FROM ```both ends``` WHERE `k````k` = 2;
INSERT INTO ```both ends``` VALUES (3, 9, 'z', 10);
-- ALTER TABLE's clauses that name only indexes, keys and constraints, with such names (its column clauses:
-- backtick_names_in_alter_table)
ALTER TABLE ```both ends``` ADD INDEX `idx``two` (`trail```, `k````k`), ADD CONSTRAINT `chk``one;"x"` CHECK (`k````k` > 0);
ALTER TABLE ```both ends``` RENAME INDEX `idx``one` TO `idx``renamed`;
ALTER TABLE ```both ends``` DROP INDEX `uniq;"name"`, ADD UNIQUE KEY `u``k` (```lead`);
UPDATE ```both ends``` SET `trail``` = 'w' WHERE `k````k` = 3;
CREATE TABLE `no``key` (`a``b` INT NOT NULL, `v'); DROP TABLE x; --` INT);
ALTER TABLE `no``key` ADD PRIMARY KEY (`a``b`);
INSERT INTO `no``key` VALUES (1, 1), (2, 2);
UPDATE `no``key` SET `v'); DROP TABLE x; --` = 5 WHERE `a``b` = 2;
DELETE FROM `no``key` WHERE `a``b` = 1;
