CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  code VARCHAR(10) NOT NULL,
  v VARCHAR(20),
  UNIQUE KEY uk_code (code)
);
INSERT INTO t VALUES (1, 'a', 'original'), (2, 'b', 'original');
