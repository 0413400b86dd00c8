INSERT INTO t VALUES (3, 1, 10.00);
ALTER TABLE t DROP CONSTRAINT chk_price;
-- allowed now that the check is gone
INSERT INTO t VALUES (4, 1, 5000.00);
ALTER TABLE t ADD CONSTRAINT chk_qty_max CHECK (qty < 100);
UPDATE t SET qty = 99 WHERE id = 1;
