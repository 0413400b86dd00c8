CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  u INT NOT NULL,
  w VARCHAR(10) NOT NULL,
  UNIQUE KEY uk_u (u),
  UNIQUE KEY uk_w (w)
);
INSERT INTO t VALUES (1, 100, 'x'), (2, 200, 'y'), (3, 300, 'z'), (4, 400, 'q');
