CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY COMMENT 'the key',
  v VARCHAR(20) COMMENT 'a value with ''quotes'' and a ; semicolon'
) COMMENT='table comment';
INSERT INTO t VALUES (1, 'a');
