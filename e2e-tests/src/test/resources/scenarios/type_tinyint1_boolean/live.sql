INSERT INTO t VALUES (11, 0, 0, FALSE), (12, 1, 1, TRUE), (13, -128, 255, 2), (14, 127, 128, -1);
UPDATE t SET b = 2, bo = -128 WHERE id = 1;
