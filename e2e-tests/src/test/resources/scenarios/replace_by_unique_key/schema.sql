CREATE TABLE t (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code VARCHAR(10) NOT NULL,
  v VARCHAR(20),
  UNIQUE KEY uk_code (code)
);
INSERT INTO t (code, v) VALUES ('a', 'first a'), ('b', 'first b'), ('c', 'first c');
