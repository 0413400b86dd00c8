CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  a VARCHAR(10),
  b INT,
  c INT
);
INSERT INTO t VALUES (1, 'a1', 1, 1), (2, 'a2', 2, 2);
