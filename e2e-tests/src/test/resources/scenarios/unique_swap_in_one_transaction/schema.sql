CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  u VARCHAR(10) NOT NULL,
  v INT,
  UNIQUE KEY uk_u (u)
);
INSERT INTO t VALUES (1, 'A', 1), (2, 'B', 2), (3, 'C', 3);
