CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  grp CHAR(1) NOT NULL,
  v INT
);
INSERT INTO t VALUES (1, 'a', 1), (2, 'a', 2), (3, 'b', 3), (4, 'b', 4), (5, 'c', 5);
