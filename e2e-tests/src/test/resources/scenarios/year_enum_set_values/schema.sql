CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  y YEAR,
  e ENUM('small', 'medium', 'large', 'x-large') NOT NULL DEFAULT 'medium',
  s SET('red', 'green', 'blue', 'with space', 'it''s quoted'),
  e_empty ENUM('', 'a')
) DEFAULT CHARSET=utf8mb4;
INSERT INTO t VALUES
  (1, 1901, 'small', 'red,blue', ''),
  (2, 2155, 'x-large', '', 'a'),
  (3, 2000, 'medium', 'red,green,blue,with space', NULL),
  (4, NULL, 'large', NULL, '');
