INSERT INTO t VALUES (4, 'b', 4.00);
-- CREATE ... SELECT: in the row-based binary log, a CREATE TABLE followed by the rows as row events
CREATE TABLE totals (PRIMARY KEY (grp)) SELECT grp, SUM(amount) AS total, COUNT(*) AS n FROM t GROUP BY grp;
UPDATE totals SET total = total + 100 WHERE grp = 'a';
CREATE TABLE copy_of_t AS SELECT * FROM t WHERE id > 1;
INSERT INTO copy_of_t VALUES (9, 'z', 9.00);
DELETE FROM t WHERE id = 1;
