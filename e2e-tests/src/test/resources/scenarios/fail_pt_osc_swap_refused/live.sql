-- what pt-online-schema-change does: a shadow copy _t_new, altered and filled, then swapped in by one RENAME
INSERT INTO t VALUES (3, 'before the change');
CREATE TABLE _t_new LIKE t;
ALTER TABLE _t_new ADD COLUMN c INT NULL;
INSERT INTO _t_new (id, v) SELECT id, v FROM t;
RENAME TABLE t TO _t_old, _t_new TO t;
DROP TABLE _t_old;
INSERT INTO t VALUES (4, 'after the swap', 4);
