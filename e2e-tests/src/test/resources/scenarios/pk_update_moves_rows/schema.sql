CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  v VARCHAR(20) NOT NULL
);
INSERT INTO t VALUES (1, 'one'), (2, 'two'), (3, 'three'), (4, 'four'), (5, 'five');

CREATE TABLE c (
  a INT NOT NULL,
  b VARCHAR(10) NOT NULL,
  v INT,
  PRIMARY KEY (a, b)
);
INSERT INTO c VALUES (1, 'x', 10), (1, 'y', 11), (2, 'x', 20);
