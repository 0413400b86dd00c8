CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  name VARCHAR(30) NOT NULL,
  note TEXT,
  c CHAR(3),
  UNIQUE KEY uk_name (name)
) DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci;
INSERT INTO t VALUES (1, 'Müller', 'café crème', 'äöü'), (2, 'Ångström', '€ sign, ½, ©', 'ÿ'), (3, 'plain', NULL, NULL);
