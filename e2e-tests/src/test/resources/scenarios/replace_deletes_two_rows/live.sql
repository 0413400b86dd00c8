-- id 1 collides with row 1, code 'b' with row 2: both rows go, one row comes
REPLACE INTO t VALUES (1, 'b', 'replaces rows 1 and 2');
START TRANSACTION;
REPLACE INTO t VALUES (3, 'd', 'replaces rows 3 and 4');
INSERT INTO t VALUES (4, 'c', 'id 4 and code c again');
COMMIT;
