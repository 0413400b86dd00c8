CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  old_name VARCHAR(20),
  other INT,
  KEY ix_old (old_name)
);
INSERT INTO t VALUES (1, 'x', 1);
