INSERT INTO t (id, a, b, j) VALUES (11, 1, 2, '{"name":"one"}'), (12, NULL, 5, NULL), (13, 100, 200, '{"name":"x"}');
UPDATE t SET a = 10 WHERE id = 1;
UPDATE t SET j = '{"name":"renamed"}' WHERE id = 3;
DELETE FROM t WHERE id = 2;
