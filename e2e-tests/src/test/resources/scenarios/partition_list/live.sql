INSERT INTO t VALUES (4, 2, 'd'), (5, 4, 'e'), (6, 7, 'f');
UPDATE t SET region = 6 WHERE id = 1;
DELETE FROM t WHERE region = 3;
