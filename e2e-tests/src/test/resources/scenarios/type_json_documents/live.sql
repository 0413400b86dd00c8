INSERT INTO t VALUES
  (11, '{"a":{"b":{"c":[1,2,{"d":null}]}},"e":"é😀𝕏中","n":-1.5e300,"i":18446744073709551615,"z":0}'),
  (12, '[]'),
  (14, 'null'),
  (18, '{"esc":"quote\\" backslash\\\\ nl\\n tab\\t nul\\u0000 bmp\\u00e9 pair\\ud83d\\ude00"}'),
  (19, '{"k" : 1,  "k2" : [ 1 , 2.0 , -0 , 1E400 ] }'),
  (20, '{"big":123456789012345678901234567890,"tiny":1e-400,"neg":-9223372036854775809}');
UPDATE t SET j = JSON_SET(j, '$.added', 'ÿ') WHERE id = 3;
UPDATE t SET j = JSON_ARRAY_APPEND(j, '$', 42) WHERE id = 2;
DELETE FROM t WHERE id = 7;
