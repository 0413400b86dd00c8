INSERT INTO t VALUES (6, 'c', 6), (7, 'c', 7), (8, 'd', 8), (9, 'd', 9), (10, 'd', 10);
UPDATE t SET v = v * 100 WHERE grp IN ('a', 'c');
DELETE FROM t WHERE grp = 'b' OR id > 9;
UPDATE t SET grp = 'z', v = NULL WHERE id BETWEEN 5 AND 8;
INSERT INTO t SELECT id + 100, grp, v FROM t WHERE grp = 'z';
DELETE FROM t WHERE grp = 'a' ORDER BY id DESC LIMIT 1;
