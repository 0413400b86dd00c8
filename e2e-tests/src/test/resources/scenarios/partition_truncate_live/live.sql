INSERT INTO t VALUES (5, 1, 'before truncate'), (6, 2, 'kept');
-- TRUNCATE PARTITION removes its rows without row events
ALTER TABLE t TRUNCATE PARTITION p1;
INSERT INTO t VALUES (7, 1, 'after truncate');
ALTER TABLE t TRUNCATE PARTITION p2, p3;
INSERT INTO t VALUES (8, 3, 'last');
