DELETE FROM customer WHERE id = 1;
UPDATE orders SET id = 201 WHERE id = 200;
INSERT INTO orders VALUES (300, 2);
INSERT INTO order_line VALUES (300, 1, 'v');
UPDATE customer SET id = 3 WHERE id = 2;
DELETE FROM customer WHERE id = 3;
