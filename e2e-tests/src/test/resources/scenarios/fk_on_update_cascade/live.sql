UPDATE parent SET code = 'a2' WHERE code = 'a';
UPDATE parent SET code = CONCAT(code, '-x');
INSERT INTO child VALUES (4, 'b-x');
DELETE FROM parent WHERE code = 'b-x';
