CREATE TABLE t (
  id INT NOT NULL,
  k VARCHAR(10) NOT NULL,
  v VARCHAR(20),
  PRIMARY KEY (id, k)
);

INSERT INTO t VALUES (1, 'a', 'one'), (2, 'b', 'two'), (3, 'c', 'three');
