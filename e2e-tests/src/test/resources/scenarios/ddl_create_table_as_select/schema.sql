CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  grp CHAR(1) NOT NULL,
  amount DECIMAL(8,2) NOT NULL
);
INSERT INTO t VALUES (1, 'a', 1.00), (2, 'a', 2.00), (3, 'b', 3.00);
