INSERT INTO t VALUES (2, 'before', 2);
-- the server swaps the two names (the clauses of one ALTER apply at once); Debezium's DDL parser applies them one
-- after the other, the first overwrites the column `other` in its schema, which then has 2 columns for rows of 3
ALTER TABLE t RENAME COLUMN old_name TO other, RENAME COLUMN other TO old_name;
INSERT INTO t (id, other, old_name) VALUES (3, 'after swap', 3);
