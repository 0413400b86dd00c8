CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  j JSON
);

INSERT INTO t VALUES
  (1, '{"a":{"b":{"c":[1,2,{"d":null}]}},"e":"é😀𝕏中","n":-1.5e300,"i":18446744073709551615,"z":0}'),
  (2, '[]'),
  (3, '{}'),
  (4, 'null'),
  (5, '"just a string"'),
  (6, '123.4500'),
  (7, 'true'),
  (8, '{"esc":"quote\\" backslash\\\\ nl\\n tab\\t nul\\u0000 bmp\\u00e9 pair\\ud83d\\ude00"}'),
  (9, '{"k" : 1,  "k2" : [ 1 , 2.0 , -0 , 1E400 ] }'),
  (10, '{"big":123456789012345678901234567890,"tiny":1e-400,"neg":-9223372036854775809}');
