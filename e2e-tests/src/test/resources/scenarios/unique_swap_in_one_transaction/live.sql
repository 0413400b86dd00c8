START TRANSACTION;
UPDATE t SET u = 'TMP' WHERE id = 1;
UPDATE t SET u = 'A' WHERE id = 2;
UPDATE t SET u = 'B' WHERE id = 1;
COMMIT;
-- and back again, with other columns changing on the way
START TRANSACTION;
UPDATE t SET u = 'TMP', v = 10 WHERE id = 2;
UPDATE t SET u = 'A', v = 11 WHERE id = 1;
UPDATE t SET u = 'B' WHERE id = 2;
COMMIT;
INSERT INTO t VALUES (4, 'TMP', 4);
