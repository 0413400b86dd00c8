-- each change writes one audit row on the source; the binary log carries it, so the destination must hold
-- exactly as many audit rows (a trigger firing there as well would write a second one)
UPDATE account SET balance = balance + 1;
UPDATE account SET balance = balance WHERE id = 1;
INSERT INTO account VALUES (3, 300);
DELETE FROM account WHERE id = 2;
START TRANSACTION;
UPDATE account SET balance = 0 WHERE id = 3;
UPDATE account SET balance = 1 WHERE id = 3;
COMMIT;
