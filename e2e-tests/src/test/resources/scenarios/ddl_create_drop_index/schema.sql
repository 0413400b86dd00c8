CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  a VARCHAR(20),
  b INT,
  c TEXT
);
INSERT INTO t VALUES (1, 'a', 1, 'text one'), (2, 'b', 2, 'text two');
