CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  a INT,
  b INT,
  v INT AS (a + b) VIRTUAL,
  s VARCHAR(50) AS (CONCAT(a, '-', b)) STORED,
  p BIGINT AS (a * b) PERSISTENT,
  j JSON,
  jv VARCHAR(20) AS (JSON_VALUE(j, '$.name')) VIRTUAL,
  KEY k_v (v),
  KEY k_jv (jv)
);

INSERT INTO t (id, a, b, j) VALUES (1, 1, 2, '{"name":"one"}'), (2, NULL, 5, NULL), (3, -2147483648, 0, '{"name":"ÿ😀"}');
