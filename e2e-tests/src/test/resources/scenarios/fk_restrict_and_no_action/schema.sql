CREATE TABLE parent (
  id INT NOT NULL PRIMARY KEY,
  name VARCHAR(20) NOT NULL
);
CREATE TABLE child_restrict (
  id INT NOT NULL PRIMARY KEY,
  parent_id INT NOT NULL,
  CONSTRAINT fk_r FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE RESTRICT ON UPDATE RESTRICT
);
CREATE TABLE child_no_action (
  id INT NOT NULL PRIMARY KEY,
  parent_id INT,
  CONSTRAINT fk_na FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE NO ACTION ON UPDATE NO ACTION
);
INSERT INTO parent VALUES (1, 'p1'), (2, 'p2'), (3, 'p3');
INSERT INTO child_restrict VALUES (10, 1), (20, 2);
INSERT INTO child_no_action VALUES (10, 1), (30, 3);
