CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  c CHAR(5),
  vc VARCHAR(50),
  tx TEXT,
  u VARCHAR(20) CHARACTER SET utf8mb4
) DEFAULT CHARSET=latin1;

INSERT INTO t VALUES
  (1, 'é', 'ÿ', 'Ünïcödé ÿ ½ ¿ ¡ ß Ø å ñ', 'é ÿ 😀'),
  (2, 'ÿÿÿÿÿ', 'àáâãäåæçèéêëìíîï', 'ðñòóôõö÷øùúûüýþÿ', 'ÿ'),
  (3, '€', '€ ‰ … Œ œ Š š Ž ž Ÿ', '“quotes” ‘single’ – — •', '€'),
  (4, _latin1 0x80A0FF, _latin1 0x9E9FA0FF, _latin1 0x7F80FF, NULL),
  (5, '', '', '', '');
