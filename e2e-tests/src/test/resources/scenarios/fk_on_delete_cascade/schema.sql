CREATE TABLE parent (
  id INT NOT NULL PRIMARY KEY,
  name VARCHAR(20) NOT NULL
);
CREATE TABLE child (
  id INT NOT NULL PRIMARY KEY,
  parent_id INT NOT NULL,
  v VARCHAR(40),
  KEY ix_parent (parent_id),
  CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE
);
INSERT INTO parent VALUES (1, 'p1'), (2, 'p2'), (3, 'p3');
INSERT INTO child VALUES (10, 1, 'c10'), (11, 1, 'c11'), (20, 2, 'c20'), (30, 3, 'c30');
