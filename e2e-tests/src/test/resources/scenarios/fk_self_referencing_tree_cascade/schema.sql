CREATE TABLE node (
  id INT NOT NULL PRIMARY KEY,
  parent_id INT NULL,
  label VARCHAR(20) NOT NULL,
  CONSTRAINT fk_node_parent FOREIGN KEY (parent_id) REFERENCES node (id) ON DELETE CASCADE
);
INSERT INTO node VALUES (1, NULL, 'root'), (2, 1, 'a'), (3, 1, 'b'), (4, 2, 'a.1'), (5, 2, 'a.2'), (6, 4, 'a.1.i'),
  (7, 3, 'b.1'), (8, NULL, 'other root'), (9, 8, 'c');
