INSERT INTO `group` VALUES (2, 'before', 2, 2);
-- every column clause of ALTER TABLE, and RENAME TO, with names holding backticks; a row after each, so each
-- statement's schema is the one the next rows are decoded with
ALTER TABLE `group` ADD COLUMN `new ``col``` INT DEFAULT 7;
INSERT INTO `group` VALUES (3, 'after add', 3, 3, 8);
ALTER TABLE `group` CHANGE `v` `v``2` VARCHAR(30);
UPDATE `group` SET `v``2` = 'after change' WHERE id = 1;
-- a column CREATE TABLE made, named by ALTER TABLE
ALTER TABLE `group` MODIFY `c``r` BIGINT;
UPDATE `group` SET `c``r` = 9000000000 WHERE id = 2;
ALTER TABLE `group` RENAME COLUMN `new ``col``` TO ```both```;
UPDATE `group` SET ```both``` = 10 WHERE id = 3;
ALTER TABLE `group` ALTER COLUMN ```both``` SET DEFAULT 11;
INSERT INTO `group` (id, `v``2`, `c``r`, `d``d`) VALUES (4, 'default', 4, 4);
ALTER TABLE `group` ADD COLUMN `af``ter` INT AFTER `c``r`, ADD (`x``1` INT, `x``2` INT);
INSERT INTO `group` (id, `v``2`, `c``r`, `af``ter`, `d``d`, ```both```, `x``1`, `x``2`) VALUES (5, 'after', 5, 55, 5, 12, 1, 2);
ALTER TABLE `group` DROP COLUMN `d``d`;
UPDATE `group` SET `x``2` = 3 WHERE id = 5;
ALTER TABLE `group` RENAME TO `gr``oup`;
INSERT INTO `gr``oup` (id, `v``2`) VALUES (6, 'after rename to');
DELETE FROM `gr``oup` WHERE id = 1;
