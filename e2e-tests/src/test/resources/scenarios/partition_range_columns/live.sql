INSERT INTO t VALUES (4, '2024-01-01', 'IT', 'd'), (5, '2020-12-31', 'ZZ', 'e'), (6, '2018-01-01', 'AA', 'f');
UPDATE t SET d = '2023-03-03' WHERE id = 1;
UPDATE t SET country = 'NL' WHERE id = 2;
DELETE FROM t WHERE id = 3;
