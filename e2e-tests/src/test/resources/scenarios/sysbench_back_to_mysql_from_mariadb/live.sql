START TRANSACTION;
UPDATE sbtest1 SET k = k + 1 WHERE id = 17;
UPDATE sbtest1 SET c = '05531402342-48573029492-22348203980-09238402938' WHERE id = 250;
DELETE FROM sbtest1 WHERE id = 300;
INSERT INTO sbtest1 (id, k, c, pad) VALUES (300, 48, 'reinserted', 'pad-300');
COMMIT;
-- a table created live takes the database default, which the mapping carries too
CREATE TABLE sbtest3 LIKE sbtest1;
CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(100));
INSERT INTO sbtest3 (k, c, pad) SELECT k, c, pad FROM sbtest2 WHERE id <= 50;
INSERT INTO notes VALUES (1, 'Ünïcode'), (2, 'plain');
-- the unique value moves between rows: the destination's key must treat the values as the source's did
START TRANSACTION;
UPDATE tags SET name = 'tmp' WHERE id = 3;
UPDATE tags SET name = 'cafe' WHERE id = 4;
UPDATE tags SET name = 'Zürich' WHERE id = 3;
COMMIT;
INSERT INTO tags VALUES (5, 'tag  ') ON DUPLICATE KEY UPDATE name = VALUES(name);
