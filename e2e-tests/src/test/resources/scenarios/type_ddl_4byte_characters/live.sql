INSERT INTO t VALUES (11, 'plain', 'x', 'a'), (12, '😀', '𝕏', 'b');
