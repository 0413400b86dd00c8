CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  u3 VARCHAR(20) CHARACTER SET utf8mb3,
  u16 VARCHAR(20) CHARACTER SET utf16,
  a VARCHAR(20) CHARACTER SET ascii,
  cyr VARCHAR(20) CHARACTER SET cp1251,
  sj VARCHAR(20) CHARACTER SET sjis,
  gb VARCHAR(20) CHARACTER SET gbk,
  ucs VARCHAR(10) CHARACTER SET ucs2,
  bin CHAR(5) CHARACTER SET binary
);

INSERT INTO t VALUES
  (1, '€ ü 中', '𝕏 😀 é', 'plain ascii ~', 'Привет мир', '日本語テキスト', '中文字符', 'Ωµ€', 'ab'),
  (2, '', '', '', '', '', '', '', ''),
  (3, 'ÿ', '￿', '\\', 'ЁёЪ', 'ｶﾀｶﾅ ＃', '〇', 'ÿ', 0x0000FF);
