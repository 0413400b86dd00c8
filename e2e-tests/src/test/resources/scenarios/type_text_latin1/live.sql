INSERT INTO t VALUES
  (11, 'é', 'ÿ', 'Ünïcödé ÿ ½ ¿ ¡ ß Ø å ñ', 'é ÿ 😀'),
  (12, 'ÿÿÿÿÿ', 'àáâãäåæçèéêëìíîï', 'ðñòóôõö÷øùúûüýþÿ', 'ÿ'),
  (13, '€', '€ ‰ … Œ œ Š š Ž ž Ÿ', '“quotes” ‘single’ – — •', '€'),
  (14, _latin1 0x80A0FF, _latin1 0x9E9FA0FF, _latin1 0x7F80FF, NULL);
UPDATE t SET vc = 'Ÿ changed é' WHERE id = 5;
