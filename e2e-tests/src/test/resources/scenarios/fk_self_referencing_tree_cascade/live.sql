-- a subtree three levels deep goes with its top
DELETE FROM node WHERE id = 2;
INSERT INTO node VALUES (10, 3, 'b.2'), (11, 10, 'b.2.i');
UPDATE node SET parent_id = 8 WHERE id = 3;
-- the other root takes the moved subtree with it
DELETE FROM node WHERE id = 8;
