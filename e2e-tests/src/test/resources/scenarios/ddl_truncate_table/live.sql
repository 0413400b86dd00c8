INSERT INTO t (v) VALUES ('before truncate');
TRUNCATE TABLE t;
-- the counter starts again at 1 after TRUNCATE
INSERT INTO t (v) VALUES ('after truncate'), ('second');
UPDATE t SET v = 'updated' WHERE id = 1;
TRUNCATE other;
INSERT INTO other VALUES (3);
