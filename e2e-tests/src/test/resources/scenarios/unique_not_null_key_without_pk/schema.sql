CREATE TABLE t (
  code VARCHAR(10) NOT NULL,
  region INT NOT NULL,
  v VARCHAR(20),
  UNIQUE KEY uk_code_region (code, region)
);
INSERT INTO t VALUES ('a', 1, 'a1'), ('a', 2, 'a2'), ('b', 1, 'b1');
