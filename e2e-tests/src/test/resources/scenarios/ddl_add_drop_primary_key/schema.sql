CREATE TABLE t (
  id INT NOT NULL,
  code VARCHAR(10) NOT NULL,
  v VARCHAR(40),
  PRIMARY KEY (id)
);
INSERT INTO t VALUES (1, 'a', 'one'), (2, 'b', 'two');
