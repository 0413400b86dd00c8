INSERT INTO t (id, doc) VALUES (8, '{"name": "new", "empty": {}, "list": []}');
UPDATE t SET doc = JSON_SET(doc, '$.n', 2.25, '$.added', JSON_ARRAY(1, 'two')) WHERE id = 1;
-- partial updates (MySQL may log them as JSON diffs with binlog_row_value_options=PARTIAL_JSON)
UPDATE t SET doc = JSON_REPLACE(doc, '$.name', 'b') WHERE id = 1;
UPDATE t SET doc = JSON_REMOVE(doc, '$.tags[0]') WHERE id = 1;
UPDATE t SET doc = JSON_ARRAY_APPEND(doc, '$', 4) WHERE id = 2;
UPDATE t SET doc = CAST('{"from": "cast"}' AS JSON) WHERE id = 5;
DELETE FROM t WHERE id = 4;
