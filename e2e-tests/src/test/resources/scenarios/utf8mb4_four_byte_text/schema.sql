CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  s VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
  tx TEXT CHARACTER SET utf8mb4,
  KEY ix_s (s)
) DEFAULT CHARSET=utf8mb4;
INSERT INTO t VALUES
  (1, '😀', 'emoji 😀🎉👍🏽 and a family 👨‍👩‍👧'),
  (2, '𝕏𝔸', 'mathematical 𝕏 and ancient 𐍈 and CJK extension B 𠀀'),
  (3, 'ascii', 'plain');
