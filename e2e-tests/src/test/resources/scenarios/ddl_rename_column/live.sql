INSERT INTO t VALUES (2, 'before', 2);
ALTER TABLE t RENAME COLUMN old_name TO new_name;
INSERT INTO t (id, new_name, other) VALUES (3, 'after', 3);
UPDATE t SET new_name = 'updated' WHERE id = 1;
-- two columns swap names in one statement
ALTER TABLE t RENAME COLUMN new_name TO other, RENAME COLUMN other TO new_name;
INSERT INTO t (id, other, new_name) VALUES (4, 'after swap', 4);
