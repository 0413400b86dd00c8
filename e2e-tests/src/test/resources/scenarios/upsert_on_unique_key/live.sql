INSERT INTO t (sku, qty) VALUES ('p1', 5) ON DUPLICATE KEY UPDATE qty = qty + VALUES(qty);
INSERT INTO t (sku, qty) VALUES ('p3', 3), ('p2', 7), ('p4', 4) ON DUPLICATE KEY UPDATE qty = VALUES(qty);
-- the unique value itself changes in the update branch
INSERT INTO t (sku, qty) VALUES ('p4', 0) ON DUPLICATE KEY UPDATE sku = 'p4-old';
INSERT INTO t (sku, qty) VALUES ('p4', 9);
