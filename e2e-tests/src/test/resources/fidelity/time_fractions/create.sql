CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  t0 TIME,
  t1 TIME(1),
  t2 TIME(2),
  t3 TIME(3),
  t4 TIME(4),
  t5 TIME(5),
  t6 TIME(6)
);
