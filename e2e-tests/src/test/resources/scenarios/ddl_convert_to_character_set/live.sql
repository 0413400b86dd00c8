INSERT INTO t VALUES (3, 'before', 'convert: señor');
ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
INSERT INTO t VALUES (4, 'emoji 😀', 'now 4-byte text fits: 𝕏');
UPDATE t SET note = CONCAT(note, ' → converted') WHERE id = 1;
ALTER TABLE t DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE t MODIFY name VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
INSERT INTO t VALUES (5, 'CAFÉ', 'binary collation now');
