CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  f FLOAT,
  d DOUBLE
);
-- 3.4028235e38 (Java's spelling of the largest float) is refused by both servers as out of range for FLOAT:
-- the largest float is written 3.402823466e38 here
INSERT INTO t VALUES
  (1, 3.402823466e38, 1.7976931348623157e308),
  (2, -3.402823466e38, -1.7976931348623157e308),
  (3, 1.17549435e-38, 2.2250738585072014e-308),
  (4, -1.17549435e-38, -2.2250738585072014e-308),
  (5, 1.4e-45, 4.9e-324),
  (6, 0.1, 0.1);
