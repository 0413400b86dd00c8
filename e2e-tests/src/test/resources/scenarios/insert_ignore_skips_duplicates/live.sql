-- duplicates on the key and on the unique code are skipped by the source: no row event for them
INSERT IGNORE INTO t VALUES (1, 'x', 'ignored'), (3, 'c', 'inserted'), (4, 'a', 'ignored'), (5, 'e', 'inserted');
UPDATE IGNORE t SET code = 'b' WHERE id = 1;
UPDATE IGNORE t SET code = CONCAT(code, code) ORDER BY id;
