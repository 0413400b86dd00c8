CREATE TABLE customer (
  id INT NOT NULL PRIMARY KEY,
  name VARCHAR(20) NOT NULL,
  email VARCHAR(40),
  UNIQUE KEY uk_email (email)
);
CREATE TABLE orders (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id INT NOT NULL,
  total DECIMAL(10,2) NOT NULL,
  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE
);
INSERT INTO customer VALUES (1, 'ann', 'ann@example.com'), (2, 'bob', 'bob@example.com');
INSERT INTO orders (customer_id, total) VALUES (1, 10.00), (1, 20.00), (2, 5.50);
