INSERT INTO t VALUES (4, '🇫🇷', 'flag, a pair of regional indicators 🇫🇷'), (5, REPEAT('😀', 20), REPEAT('𝕏', 1000));
UPDATE t SET s = '🐬', tx = CONCAT(tx, ' 🐬') WHERE id = 3;
UPDATE t SET id = 10 WHERE s = '😀';
DELETE FROM t WHERE s = '𝕏𝔸';
