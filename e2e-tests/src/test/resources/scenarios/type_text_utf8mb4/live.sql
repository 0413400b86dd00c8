INSERT INTO t VALUES
  (11, '😀', '𝕏 marks 😀 the spot', '漢字かなカナ한국어', 'mixed: é ü ß 😀 𝕏 中文 \\ '' " `'),
  (12, '', '', '', ''),
  (13, 'ab  ', 'trailing   ', '  leading', 'tab\there\nnewline\r\nend'),
  (14, '𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏', REPEAT('😀', 100), REPEAT('中', 20000), REPEAT('𝕏', 100000)),
  (15, 'a\0b', 'nul \0 inside', 'family 👩‍👩‍👧 flag 🇫🇷 combining é', 'U+FFFF ￿ and U+10FFFF 􏿿 and U+0080 ');
UPDATE t SET vc = '🙂 updated 𝕐', mt = REPEAT('😀', 50000) WHERE id = 2;
DELETE FROM t WHERE id = 3;
