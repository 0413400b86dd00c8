-- 3000 rows inserted, updated and half deleted inside one transaction (MariaDB and MySQL stop a recursive CTE
-- after 1000 iterations, so the numbers come from a 0..9 digit table crossed four times)
START TRANSACTION;
INSERT INTO t (id, v, n)
  WITH RECURSIVE d (n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n < 9)
  SELECT 1 + a.n + 10 * b.n + 100 * c.n + 1000 * e.n, CONCAT('row ', 1 + a.n + 10 * b.n + 100 * c.n + 1000 * e.n), 0
  FROM d a CROSS JOIN d b CROSS JOIN d c CROSS JOIN d e WHERE e.n < 3;
UPDATE t SET n = id * 2, v = CONCAT(v, ' updated');
DELETE FROM t WHERE id % 2 = 0;
UPDATE summary SET total = (SELECT SUM(n) FROM t) WHERE id = 1;
COMMIT;
-- and one more large transaction on the same rows
START TRANSACTION;
UPDATE t SET n = n + 1;
INSERT INTO t (id, v, n) SELECT id + 1, 'even again', 0 FROM t WHERE id < 1000;
COMMIT;
