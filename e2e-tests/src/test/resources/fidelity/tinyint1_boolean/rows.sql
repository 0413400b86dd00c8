INSERT INTO t VALUES (1, 0, 0, FALSE), (2, 1, 1, TRUE), (3, -128, 255, 2), (4, 127, 128, -1);
