-- 100 -> 200 -> 300 -> 100 around three rows
START TRANSACTION;
UPDATE t SET u = -1 WHERE id = 1;
UPDATE t SET u = 100 WHERE id = 3;
UPDATE t SET u = 300 WHERE id = 2;
UPDATE t SET u = 200 WHERE id = 1;
COMMIT;
-- both unique keys rotate in the same transaction
START TRANSACTION;
UPDATE t SET w = '-', u = -1 WHERE id = 2;
UPDATE t SET w = 'y', u = 300 WHERE id = 1;
UPDATE t SET w = 'x', u = 200 WHERE id = 4;
UPDATE t SET w = 'q', u = 400 WHERE id = 2;
COMMIT;
