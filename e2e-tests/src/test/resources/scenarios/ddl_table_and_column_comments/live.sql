INSERT INTO t VALUES (2, 'before');
ALTER TABLE t COMMENT = 'changed table comment: été';
UPDATE t SET v = 'between' WHERE id = 1;
ALTER TABLE t MODIFY v VARCHAR(20) COMMENT 'changed column comment';
ALTER TABLE t COMMENT '';
INSERT INTO t VALUES (3, 'after');
ALTER TABLE t ADD COLUMN w INT COMMENT 'new column, commented';
INSERT INTO t VALUES (4, 'last', 4);
