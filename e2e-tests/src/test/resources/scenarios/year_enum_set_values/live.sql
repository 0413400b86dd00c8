INSERT INTO t VALUES (5, 1999, 'large', 'blue,red', 'a'), (6, '69', 'small', 'green', '');
INSERT INTO t (id) VALUES (7);
UPDATE t SET e = 'small', s = 'green,red' WHERE id = 2;
UPDATE t SET y = y + 1, e = 2 WHERE id = 1;
UPDATE t SET s = 31 WHERE id = 4;
