CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  a VARCHAR(20),
  secret VARCHAR(20) INVISIBLE DEFAULT 'hidden',
  n INT INVISIBLE NULL
);
INSERT INTO t VALUES (1, 'a');
INSERT INTO t (id, a, secret, n) VALUES (2, 'b', 'set explicitly', 5);
