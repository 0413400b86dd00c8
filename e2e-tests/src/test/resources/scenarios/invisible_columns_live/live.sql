INSERT INTO t VALUES (3, 'c');
INSERT INTO t (id, a, secret, n) VALUES (4, 'd', 'explicit', 7);
UPDATE t SET secret = 'changed', n = 1 WHERE id = 1;
ALTER TABLE t ADD COLUMN extra INT INVISIBLE DEFAULT 42;
INSERT INTO t VALUES (5, 'e');
UPDATE t SET extra = 43 WHERE id = 2;
-- an invisible column made visible again (MODIFY without INVISIBLE)
ALTER TABLE t MODIFY n INT NULL;
INSERT INTO t VALUES (6, 'f', 6);
