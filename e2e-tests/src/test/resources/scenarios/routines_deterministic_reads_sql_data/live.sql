CALL add_item(4, 40.00);
UPDATE t SET price = with_tax(price) WHERE id = 1;
INSERT INTO t VALUES (5, total_price());
