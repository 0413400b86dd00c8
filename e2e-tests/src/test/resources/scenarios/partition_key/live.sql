INSERT INTO t VALUES ('d', 4), ('e', 5), ('ff', 6), ('ggg', 7);
UPDATE t SET code = 'zz' WHERE code = 'a';
DELETE FROM t WHERE code IN ('b', 'ff');
