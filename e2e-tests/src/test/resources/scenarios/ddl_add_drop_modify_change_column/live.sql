INSERT INTO t VALUES (3, 'a3', 3, 3);
ALTER TABLE t ADD COLUMN d VARCHAR(10) NOT NULL DEFAULT 'dflt';
INSERT INTO t VALUES (4, 'a4', 4, 4, 'd4');
ALTER TABLE t ADD COLUMN first_col INT FIRST, ADD COLUMN after_a INT AFTER a;
UPDATE t SET first_col = id * 10, after_a = id * 100;
ALTER TABLE t DROP COLUMN c;
UPDATE t SET b = b + 1;
-- widen a column, then rename and retype another, in place and moved
ALTER TABLE t MODIFY a VARCHAR(40) NOT NULL;
INSERT INTO t (id, a, b) VALUES (5, 'a much longer value than before', 5);
ALTER TABLE t CHANGE COLUMN b b_renamed BIGINT NULL;
UPDATE t SET b_renamed = 9000000000 WHERE id = 5;
ALTER TABLE t CHANGE b_renamed b2 BIGINT AFTER id, MODIFY d VARCHAR(20) NOT NULL DEFAULT 'dflt' FIRST;
INSERT INTO t (id, a, b2) VALUES (6, 'a6', 6);
DELETE FROM t WHERE id = 2;
