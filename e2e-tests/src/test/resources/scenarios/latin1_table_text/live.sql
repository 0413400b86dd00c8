INSERT INTO t VALUES (4, 'Façade', 'naïve œuvre «quoted»', 'ñ'), (5, 'Straße', '° ± µ ¶', 'ß');
UPDATE t SET name = 'Mueller', note = CONCAT(note, ' – dash') WHERE name = 'Müller';
DELETE FROM t WHERE name = 'Ångström';
