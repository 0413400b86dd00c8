INSERT INTO t VALUES (2, 'before');
RENAME TABLE t TO t_renamed;
INSERT INTO t_renamed VALUES (3, 'after');
ALTER TABLE t_renamed RENAME TO t_again;
UPDATE t_again SET v = 'updated' WHERE id = 1;
-- a and b swap names in one statement
RENAME TABLE a TO tmp_swap, b TO a, tmp_swap TO b;
INSERT INTO a VALUES (2, 'new in a');
INSERT INTO b VALUES (2, 'new in b');
-- a new table takes a freed name
CREATE TABLE t (id INT NOT NULL PRIMARY KEY, w INT);
INSERT INTO t VALUES (1, 1);
