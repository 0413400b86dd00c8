INSERT INTO t VALUES (5, 'e'), (6, 'f'), (7, 'g'), (8, 'h');
UPDATE t SET id = id + 10 WHERE id IN (1, 2);
UPDATE t SET v = CONCAT(v, '!');
DELETE FROM t WHERE id = 7;
