CREATE TABLE t (
  a INT,
  b VARCHAR(20),
  c DECIMAL(6,2)
);
INSERT INTO t VALUES (1, 'x', 1.00), (1, 'x', 1.00), (1, 'x', 1.00), (2, NULL, NULL), (2, NULL, NULL), (3, 'y', 3.00);
