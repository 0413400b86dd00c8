INSERT INTO `odd table name` VALUES (11, 'x`y', 5, 6, 'ё', 7, 8), (12, 'del', 0, 0, '', 0, 0);
UPDATE `odd table name` SET `we``ird` = 'changed`', `sp ace` = 10 WHERE `id` = 1;
DELETE FROM `odd table name` WHERE `id` = 12;
