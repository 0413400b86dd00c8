CREATE TABLE parent (
  code VARCHAR(10) NOT NULL PRIMARY KEY,
  name VARCHAR(20) NOT NULL
);
CREATE TABLE child (
  id INT NOT NULL PRIMARY KEY,
  parent_code VARCHAR(10) NOT NULL,
  CONSTRAINT fk_child_parent FOREIGN KEY (parent_code) REFERENCES parent (code) ON UPDATE CASCADE ON DELETE CASCADE
);
INSERT INTO parent VALUES ('a', 'A'), ('b', 'B');
INSERT INTO child VALUES (1, 'a'), (2, 'a'), (3, 'b');
