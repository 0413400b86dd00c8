CREATE TABLE t (
  id INT NOT NULL,
  region INT NOT NULL,
  v VARCHAR(20),
  PRIMARY KEY (id, region)
) PARTITION BY LIST (region) (
  PARTITION p_north VALUES IN (1, 2),
  PARTITION p_south VALUES IN (3, 4),
  PARTITION p_other VALUES IN (5, 6, 7)
);
INSERT INTO t VALUES (1, 1, 'a'), (2, 3, 'b'), (3, 5, 'c');
