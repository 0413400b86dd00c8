-- the statements of one oltp_read_write transaction, a few times over
START TRANSACTION;
UPDATE sbtest1 SET k = k + 1 WHERE id = 17;
UPDATE sbtest1 SET c = '05531402342-48573029492-22348203980-09238402938' WHERE id = 250;
DELETE FROM sbtest1 WHERE id = 300;
INSERT INTO sbtest1 (id, k, c, pad) VALUES (300, 48, 'reinserted', 'pad-300');
COMMIT;
START TRANSACTION;
UPDATE sbtest2 SET k = k + 1 WHERE id BETWEEN 10 AND 20;
DELETE FROM sbtest2 WHERE id = 199;
INSERT INTO sbtest2 (k, c, pad) VALUES (5, 'new row', 'pad-new');
COMMIT;
UPDATE sbtest1 SET c = UPPER(c) WHERE k = 3;
