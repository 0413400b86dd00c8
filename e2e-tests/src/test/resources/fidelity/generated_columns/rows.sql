INSERT INTO t (id, a, b, j) VALUES (1, 1, 2, '{"name":"one"}'), (2, NULL, 5, NULL), (3, -2147483648, 0, '{"name":"ÿ😀"}');
