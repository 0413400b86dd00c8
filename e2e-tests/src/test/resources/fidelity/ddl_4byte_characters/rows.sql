INSERT INTO t VALUES (1, 'plain', 'x', 'a'), (2, '😀', 'x,𝕏', 'b');
INSERT INTO t (id) VALUES (3);
