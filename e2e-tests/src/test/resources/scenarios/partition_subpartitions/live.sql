INSERT INTO t VALUES (5, 1999, 'e'), (6, 2015, 'f'), (7, 2030, 'g'), (8, 2030, 'h');
UPDATE t SET yr = 2021 WHERE id = 1;
UPDATE t SET id = id + 1 WHERE id = 8;
DELETE FROM t WHERE id = 3;
