CREATE TABLE t (
  id INT NOT NULL,
  region INT NOT NULL,
  v VARCHAR(20),
  PRIMARY KEY (id, region)
) PARTITION BY LIST (region) (
  PARTITION p1 VALUES IN (1),
  PARTITION p2 VALUES IN (2),
  PARTITION p3 VALUES IN (3)
);
INSERT INTO t VALUES (1, 1, 'a'), (2, 2, 'b'), (3, 3, 'c'), (4, 1, 'd');
