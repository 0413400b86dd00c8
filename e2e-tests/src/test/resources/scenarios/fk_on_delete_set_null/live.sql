DELETE FROM parent WHERE id = 1;
UPDATE child SET v = 'orphan, still here' WHERE id = 10;
INSERT INTO parent VALUES (1, 'p1 again');
UPDATE child SET parent_id = 1 WHERE id = 11;
DELETE FROM parent WHERE id IN (1, 2);
