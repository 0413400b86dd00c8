CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  c CHAR(10),
  vc VARCHAR(100),
  tx TEXT,
  mt MEDIUMTEXT
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO t VALUES
  (1, '😀', '𝕏 marks 😀 the spot', '漢字かなカナ한국어', 'mixed: é ü ß 😀 𝕏 中文 \\ '' " `'),
  (2, '', '', '', ''),
  (3, 'ab  ', 'trailing   ', '  leading', 'tab\there\nnewline\r\nend'),
  (4, '𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏', REPEAT('😀', 100), REPEAT('中', 20000), REPEAT('𝕏', 100000)),
  (5, 'a\0b', 'nul \0 inside', 'family 👩‍👩‍👧 flag 🇫🇷 combining é', 'U+FFFF ￿ and U+10FFFF 􏿿 and U+0080 ');
