INSERT INTO customer VALUES (3, 'carol', 'carol@example.com');
INSERT INTO orders (customer_id, total) VALUES (3, 99.99);
UPDATE customer SET email = 'ann@new.example.com' WHERE id = 1;
DELETE FROM customer WHERE id = 2;
ALTER TABLE orders ADD COLUMN note VARCHAR(20) NULL;
CREATE TABLE created_live (id INT PRIMARY KEY);
INSERT INTO created_live VALUES (1);
TRUNCATE TABLE created_live;
