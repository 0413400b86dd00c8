INSERT INTO child VALUES (30, 2);
ALTER TABLE child ADD CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE;
DELETE FROM parent WHERE id = 1;
INSERT INTO parent VALUES (3, 'p3');
INSERT INTO child VALUES (40, 3);
ALTER TABLE child DROP FOREIGN KEY fk_child_parent;
-- no foreign key any more: a child may point nowhere
DELETE FROM parent WHERE id = 2;
INSERT INTO child VALUES (50, 99);
UPDATE child SET parent_id = NULL WHERE parent_id NOT IN (SELECT id FROM parent);
ALTER TABLE child ADD FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE SET NULL, ALGORITHM=COPY;
DELETE FROM parent WHERE id = 3;
