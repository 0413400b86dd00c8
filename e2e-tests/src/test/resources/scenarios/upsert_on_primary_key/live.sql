INSERT INTO t (id, hits, last) VALUES (1, 1, 'a2') ON DUPLICATE KEY UPDATE hits = hits + 1, last = VALUES(last);
INSERT INTO t (id, hits, last) VALUES (3, 1, 'c') ON DUPLICATE KEY UPDATE hits = hits + 1;
INSERT INTO t (id, hits, last) VALUES (1, 1, 'x'), (2, 1, 'y'), (4, 1, 'z') ON DUPLICATE KEY UPDATE hits = hits + 10, last = VALUES(last);
-- a duplicate that changes nothing (no row event on the source)
INSERT INTO t (id, hits, last) VALUES (4, 1, 'z') ON DUPLICATE KEY UPDATE last = last;
-- an upsert that moves the key itself
INSERT INTO t (id, hits, last) VALUES (2, 0, 'moved') ON DUPLICATE KEY UPDATE id = 20, last = 'moved';
