CREATE TABLE parent (
  id INT NOT NULL PRIMARY KEY,
  name VARCHAR(20) NOT NULL
);
CREATE TABLE child (
  id INT NOT NULL PRIMARY KEY,
  parent_id INT NULL,
  CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON UPDATE SET NULL
);
INSERT INTO parent VALUES (1, 'p1'), (2, 'p2');
INSERT INTO child VALUES (10, 1), (11, 1), (20, 2);
