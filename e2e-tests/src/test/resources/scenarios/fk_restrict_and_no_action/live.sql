-- the application deletes children before their parents, as RESTRICT and NO ACTION demand
START TRANSACTION;
DELETE FROM child_restrict WHERE parent_id = 1;
DELETE FROM child_no_action WHERE parent_id = 1;
DELETE FROM parent WHERE id = 1;
COMMIT;
DELETE FROM child_no_action WHERE id = 30;
DELETE FROM parent WHERE id = 3;
INSERT INTO parent VALUES (4, 'p4');
INSERT INTO child_restrict VALUES (40, 4);
UPDATE child_restrict SET parent_id = 2 WHERE id = 40;
UPDATE parent SET id = 5 WHERE id = 4;
