INSERT INTO t (v) VALUES ('a'), ('b'), ('c');
INSERT INTO t VALUES (5000, 'high');
DELETE FROM t WHERE id = 5000;
