INSERT INTO t VALUES (11, 'x`y', 5, 6, 'ё', 7, 8), (12, 'del', 0, 0, '', 0, 0);
UPDATE t SET `we``ird` = 'changed`', `sp ace` = 10 WHERE `id` = 1;
DELETE FROM t WHERE `id` = 12;
