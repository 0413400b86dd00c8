INSERT INTO t (id, price, qty, name) VALUES (4, 3.00, 3, 'fig');
UPDATE t SET qty = qty + 1;
UPDATE t SET name = 'green apple' WHERE id = 1;
-- the stored unique generated value swaps between two rows
START TRANSACTION;
UPDATE t SET name = 'tmp' WHERE id = 2;
UPDATE t SET name = 'pear' WHERE id = 3;
UPDATE t SET name = 'plum' WHERE id = 2;
COMMIT;
DELETE FROM t WHERE name_len = 3;
