-- one row moves to a free key
UPDATE t SET id = 10 WHERE id = 1;
-- every row moves at once; descending so no key collides on the way
UPDATE t SET id = id + 100 ORDER BY id DESC;
-- a key taken back by another row right after it was freed
UPDATE t SET id = 2 WHERE id = 102;
UPDATE t SET id = 102, v = 'two again' WHERE id = 103;
-- two rows swap keys inside one transaction
START TRANSACTION;
UPDATE t SET id = 999 WHERE id = 104;
UPDATE t SET id = 104 WHERE id = 105;
UPDATE t SET id = 105 WHERE id = 999;
COMMIT;
-- a composite key changes in one of its columns
UPDATE c SET b = 'z' WHERE a = 1 AND b = 'x';
UPDATE c SET a = a + 10;
