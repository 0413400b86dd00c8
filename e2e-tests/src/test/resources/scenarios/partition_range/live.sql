INSERT INTO t VALUES (4, 2019, 'd'), (5, 2021, 'e'), (6, 2099, 'f');
-- a row moves from one partition to another
UPDATE t SET yr = 2025 WHERE id = 1;
UPDATE t SET v = 'changed in place' WHERE id = 2;
DELETE FROM t WHERE yr = 2030;
