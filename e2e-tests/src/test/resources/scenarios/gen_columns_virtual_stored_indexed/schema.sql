CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  price DECIMAL(10,2) NOT NULL,
  qty INT NOT NULL,
  name VARCHAR(30) NOT NULL,
  total DECIMAL(12,2) AS (price * qty) VIRTUAL,
  name_upper VARCHAR(30) AS (UPPER(name)) STORED,
  name_len INT AS (CHAR_LENGTH(name)) VIRTUAL,
  KEY ix_name_len (name_len),
  UNIQUE KEY uk_name_upper (name_upper)
);
INSERT INTO t (id, price, qty, name) VALUES (1, 1.50, 2, 'apple'), (2, 0.25, 10, 'pear'), (3, 9.99, 0, 'plum');
