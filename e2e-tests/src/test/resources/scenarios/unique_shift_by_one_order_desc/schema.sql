CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  pos INT NOT NULL,
  label VARCHAR(10),
  UNIQUE KEY uk_pos (pos)
);
INSERT INTO t VALUES (1, 1, 'a'), (2, 2, 'b'), (3, 3, 'c'), (4, 4, 'd'), (5, 5, 'e'), (6, 6, 'f');
