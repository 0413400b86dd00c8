UPDATE t SET v = 'before' WHERE id = 1;
-- the primary key moves to another column in one statement
ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (code);
INSERT INTO t VALUES (3, 'c', 'three');
UPDATE t SET id = 20, v = 'id is no longer the key' WHERE code = 'b';
-- then a composite key
ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (id, code);
UPDATE t SET code = 'a2' WHERE id = 1;
INSERT INTO t VALUES (1, 'a3', 'same id, other code');
DELETE FROM t WHERE id = 20;
