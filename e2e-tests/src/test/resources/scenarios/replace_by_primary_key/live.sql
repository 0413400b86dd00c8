REPLACE INTO t VALUES (1, 'a replaced', 10);
REPLACE INTO t (id, v) VALUES (2, 'b replaced, n back to its default');
REPLACE INTO t VALUES (4, 'new', 4), (3, 'c replaced', 30), (4, 'new twice', 40);
REPLACE INTO t SELECT id + 10, CONCAT(v, ' copy'), n FROM t WHERE id <= 2;
