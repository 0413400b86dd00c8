INSERT INTO t (id, a, h, hv) VALUES (11, 1, 100, 'hidden'), (12, 2, DEFAULT, NULL);
INSERT INTO t VALUES (14, 4);
UPDATE t SET h = 42, hv = 'changed' WHERE id = 2;
UPDATE t SET a = 30 WHERE id = 3;
