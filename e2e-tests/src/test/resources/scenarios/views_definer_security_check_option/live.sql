INSERT INTO v_checked VALUES (5, 'live via view', 60);
UPDATE v_local_checked SET v = 'updated via view' WHERE id = 1;
DELETE FROM v_plain WHERE id = 3;
