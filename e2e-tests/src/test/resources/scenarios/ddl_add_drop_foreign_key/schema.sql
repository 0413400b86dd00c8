CREATE TABLE parent (
  id INT NOT NULL PRIMARY KEY,
  name VARCHAR(20)
);
CREATE TABLE child (
  id INT NOT NULL PRIMARY KEY,
  parent_id INT,
  KEY ix_parent (parent_id)
);
INSERT INTO parent VALUES (1, 'p1'), (2, 'p2');
INSERT INTO child VALUES (10, 1), (20, 2);
