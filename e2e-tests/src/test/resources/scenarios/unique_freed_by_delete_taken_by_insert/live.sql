START TRANSACTION;
DELETE FROM t WHERE id = 1;
INSERT INTO t VALUES (3, 'a@example.com', 'third');
COMMIT;
-- the same through an update that frees the value first
START TRANSACTION;
UPDATE t SET email = 'old-b@example.com' WHERE id = 2;
INSERT INTO t VALUES (4, 'b@example.com', 'fourth');
DELETE FROM t WHERE id = 2;
COMMIT;
