-- what sysbench_oltp_schema leaves on MariaDB after MySQL -> MariaDB with collation.mapping
-- utf8mb4_0900_ai_ci:utf8mb4_uca1400_nopad_ai_ci: database, tables and columns in the UCA 14.0 NO PAD collation
ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_nopad_ai_ci;
CREATE TABLE sbtest1 (
  id INTEGER NOT NULL AUTO_INCREMENT,
  k INTEGER DEFAULT '0' NOT NULL,
  c CHAR(120) DEFAULT '' NOT NULL,
  pad CHAR(60) DEFAULT '' NOT NULL,
  PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_nopad_ai_ci;
CREATE TABLE sbtest2 LIKE sbtest1;
-- a unique key on text: NO PAD keeps 'tag' and 'tag ' apart on both sides, accent-insensitivity makes 'cafe' and 'café' one
CREATE TABLE tags (
  id INT NOT NULL PRIMARY KEY,
  name VARCHAR(40) COLLATE utf8mb4_uca1400_nopad_ai_ci NOT NULL,
  UNIQUE KEY uk_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_nopad_ai_ci;
INSERT INTO sbtest1 (k, c, pad) WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 500)
  SELECT n % 97, CONCAT('c-', LPAD(n, 10, '0'), '-', REPEAT('x', n % 40)), CONCAT('pad-', n) FROM seq;
INSERT INTO sbtest2 (k, c, pad) SELECT k, c, pad FROM sbtest1 WHERE id <= 200;
INSERT INTO tags VALUES (1, 'tag'), (2, 'tag '), (3, 'café'), (4, 'Zürich');
CREATE INDEX k_1 ON sbtest1 (k);
CREATE INDEX k_2 ON sbtest2 (k);
