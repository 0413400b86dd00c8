INSERT INTO t VALUES (2, 'before', 2);
ALTER TABLE t RENAME COLUMN old_name TO new_name;
INSERT INTO t (id, new_name, other) VALUES (3, 'after', 3);
UPDATE t SET new_name = 'updated' WHERE id = 1;
-- two columns swap names through a temporary name, one statement each (the swap in ONE statement is
-- fail_column_swap_in_one_alter: Debezium's parser reads its clauses one after the other)
ALTER TABLE t RENAME COLUMN new_name TO swap_tmp;
ALTER TABLE t RENAME COLUMN other TO new_name;
ALTER TABLE t RENAME COLUMN swap_tmp TO other;
INSERT INTO t (id, other, new_name) VALUES (4, 'after swap', 4);
-- a chain in one statement, each new name freed by an earlier clause: read alike by the server and Debezium
ALTER TABLE t RENAME COLUMN other TO third, RENAME COLUMN new_name TO other;
INSERT INTO t (id, third, other) VALUES (5, 'after chain', 5);
