CREATE TABLE t (
  a INT,
  b VARCHAR(20)
);
INSERT INTO t VALUES (1, 'x'), (1, 'x'), (2, 'y');
