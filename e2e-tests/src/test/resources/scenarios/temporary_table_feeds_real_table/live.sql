CREATE TEMPORARY TABLE staging (id INT NOT NULL PRIMARY KEY, v VARCHAR(20));
INSERT INTO staging VALUES (2, 'b'), (3, 'c'), (1, 'a changed');
INSERT INTO t SELECT id, v FROM staging ON DUPLICATE KEY UPDATE v = VALUES(v);
UPDATE t JOIN staging ON staging.id = t.id SET t.v = CONCAT(t.v, '!') WHERE staging.id = 3;
DROP TEMPORARY TABLE staging;
INSERT INTO t VALUES (4, 'after drop');
