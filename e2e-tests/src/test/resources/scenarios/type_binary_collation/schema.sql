CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  vb VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
  cb CHAR(10) BINARY,
  tb TEXT COLLATE utf8mb4_bin,
  lb VARCHAR(20) CHARACTER SET latin1 COLLATE latin1_bin,
  UNIQUE KEY uk_vb (vb)
);

INSERT INTO t VALUES
  (1, 'a', 'A', 'Case', 'é'),
  (2, 'A', 'a', 'case', 'É'),
  (3, 'ß', 'ss', '😀', 'ÿ'),
  (4, 'ss', 'ß', '😃', 'Ÿ');
