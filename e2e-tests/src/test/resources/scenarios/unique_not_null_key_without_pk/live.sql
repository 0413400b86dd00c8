INSERT INTO t VALUES ('c', 1, 'c1');
UPDATE t SET v = 'changed' WHERE code = 'a' AND region = 2;
-- the unique key itself changes, and a freed value is taken again
UPDATE t SET code = 'z' WHERE code = 'b';
INSERT INTO t VALUES ('b', 1, 'new b1');
DELETE FROM t WHERE code = 'a' AND region = 1;
