UPDATE t SET pos = pos + 1 ORDER BY pos DESC;
INSERT INTO t VALUES (7, 1, 'new first');
DELETE FROM t WHERE pos = 3;
UPDATE t SET pos = pos - 1 WHERE pos > 3 ORDER BY pos ASC;
UPDATE t SET pos = pos + 10 ORDER BY pos DESC;
