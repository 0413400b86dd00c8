CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  code VARCHAR(10) NOT NULL,
  v VARCHAR(30),
  UNIQUE KEY uk_code (code)
);
INSERT INTO t VALUES (1, 'a', 'row 1'), (2, 'b', 'row 2'), (3, 'c', 'row 3'), (4, 'd', 'row 4');
