DELETE FROM parent WHERE id = 1;
INSERT INTO parent VALUES (4, 'p4');
INSERT INTO child VALUES (40, 4, 'c40'), (41, 4, 'c41');
START TRANSACTION;
UPDATE child SET v = 'changed before its parent goes' WHERE id = 20;
DELETE FROM parent WHERE id IN (2, 4);
COMMIT;
