INSERT INTO t (id, a, h, hv) VALUES (1, 1, 100, 'hidden'), (2, 2, DEFAULT, NULL), (3, 3, -1, '');
INSERT INTO t VALUES (4, 4);
