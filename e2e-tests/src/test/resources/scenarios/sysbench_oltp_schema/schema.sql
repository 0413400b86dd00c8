-- sysbench's oltp tables as `sysbench oltp_read_write prepare` creates them, in the server's default collation
CREATE TABLE sbtest1 (
  id INTEGER NOT NULL AUTO_INCREMENT,
  k INTEGER DEFAULT '0' NOT NULL,
  c CHAR(120) DEFAULT '' NOT NULL,
  pad CHAR(60) DEFAULT '' NOT NULL,
  PRIMARY KEY (id)
) ENGINE = InnoDB;
CREATE TABLE sbtest2 LIKE sbtest1;
INSERT INTO sbtest1 (k, c, pad) WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 500)
  SELECT n % 97, CONCAT('c-', LPAD(n, 10, '0'), '-', REPEAT('x', n % 40)), CONCAT('pad-', n) FROM seq;
INSERT INTO sbtest2 (k, c, pad) SELECT k, c, pad FROM sbtest1 WHERE id <= 200;
CREATE INDEX k_1 ON sbtest1 (k);
CREATE INDEX k_2 ON sbtest2 (k);
