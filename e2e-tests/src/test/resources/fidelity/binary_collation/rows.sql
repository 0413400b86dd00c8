INSERT INTO t VALUES
  (1, 'a', 'A', 'Case', 'é'),
  (2, 'A', 'a', 'case', 'É'),
  (3, 'ß', 'ss', '😀', 'ÿ'),
  (4, 'ss', 'ß', '😃', 'Ÿ');
