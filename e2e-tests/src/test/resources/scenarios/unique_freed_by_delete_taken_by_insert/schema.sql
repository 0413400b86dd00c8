CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  email VARCHAR(40) NOT NULL,
  name VARCHAR(20),
  UNIQUE KEY uk_email (email)
);
INSERT INTO t VALUES (1, 'a@example.com', 'first'), (2, 'b@example.com', 'second');
