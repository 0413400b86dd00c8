CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  doc JSON,
  name VARCHAR(20) AS (doc ->> '$.name') VIRTUAL,
  KEY ix_name (name)
);
INSERT INTO t (id, doc) VALUES
  (1, '{"name": "a", "tags": ["x", "y"], "n": 1.5, "nested": {"deep": [1, {"k": null}]}}'),
  (2, '[1, 2, 3]'),
  (3, '"a string"'),
  (4, 'null'),
  (5, NULL),
  (6, '{"unicode": "é😀", "esc": "quote\\" backslash\\\\ tab\\t", "big": 18446744073709551615, "neg": -9223372036854775808}'),
  (7, '{"b": 2, "a": 1, "a": 3}');
