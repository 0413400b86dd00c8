CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  name VARCHAR(20) NOT NULL,
  note TEXT,
  KEY ix_name (name)
) DEFAULT CHARSET=latin1;
INSERT INTO t VALUES (1, 'café', 'naïve'), (2, 'Müller', 'Ørsted');
