INSERT INTO t VALUES (5, NULL, 5), (6, NULL, 6);
UPDATE t SET v = v * 10 WHERE u IS NULL;
-- a value leaves a row for NULL and another row takes it
START TRANSACTION;
UPDATE t SET u = NULL WHERE id = 3;
UPDATE t SET u = 'x' WHERE id = 1;
COMMIT;
UPDATE t SET u = 'y' WHERE id = 2;
UPDATE t SET u = NULL WHERE id = 2;
DELETE FROM t WHERE id = 4;
