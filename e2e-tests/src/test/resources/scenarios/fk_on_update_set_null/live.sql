UPDATE parent SET id = 100 WHERE id = 1;
UPDATE child SET parent_id = 100 WHERE id = 10;
UPDATE parent SET id = id + 1000;
