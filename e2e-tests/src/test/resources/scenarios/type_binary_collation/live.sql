INSERT INTO t VALUES
  (11, 'b', 'B', 'Case', 'é'),
  (12, 'B', 'b', 'case', 'É');
UPDATE t SET vb = 'Ss' WHERE id = 4;
DELETE FROM t WHERE id = 1;
