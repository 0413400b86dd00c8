-- one of three identical rows changes, one goes: the others must stay
UPDATE t SET c = 9.99 WHERE a = 1 LIMIT 1;
DELETE FROM t WHERE a = 1 AND c = 1.00 LIMIT 1;
-- rows with NULLs (a NULL never equals NULL in a WHERE)
UPDATE t SET b = 'was null' WHERE a = 2 LIMIT 1;
DELETE FROM t WHERE a = 2 AND b IS NULL;
INSERT INTO t VALUES (3, 'y', 3.00), (NULL, NULL, NULL);
UPDATE t SET a = 4 WHERE a IS NULL;
