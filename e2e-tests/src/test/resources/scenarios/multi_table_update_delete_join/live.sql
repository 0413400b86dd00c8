-- one statement changing two tables
UPDATE product p JOIN stock s ON s.product_id = p.id SET p.price = p.price * 2, s.qty = s.qty + 1 WHERE p.discontinued = 0;
-- one statement deleting from two tables
DELETE p, s FROM product p JOIN stock s ON s.product_id = p.id WHERE p.discontinued = 1 AND s.qty = 0;
DELETE s FROM stock s LEFT JOIN product p ON p.id = s.product_id WHERE p.id IS NULL;
UPDATE stock SET qty = (SELECT COUNT(*) FROM product) WHERE product_id = 3;
