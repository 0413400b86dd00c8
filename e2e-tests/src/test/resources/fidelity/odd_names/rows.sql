INSERT INTO t VALUES (1, 'a`b', 1, 2, 'значение', 3, 4), (2, NULL, NULL, NULL, NULL, NULL, NULL);
