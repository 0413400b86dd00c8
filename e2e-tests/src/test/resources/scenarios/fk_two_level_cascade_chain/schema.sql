CREATE TABLE customer (
  id INT NOT NULL PRIMARY KEY,
  name VARCHAR(20) NOT NULL
);
CREATE TABLE orders (
  id INT NOT NULL PRIMARY KEY,
  customer_id INT NOT NULL,
  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE TABLE order_line (
  order_id INT NOT NULL,
  line INT NOT NULL,
  item VARCHAR(20),
  PRIMARY KEY (order_id, line),
  CONSTRAINT fk_line_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO customer VALUES (1, 'ann'), (2, 'bob');
INSERT INTO orders VALUES (100, 1), (101, 1), (200, 2);
INSERT INTO order_line VALUES (100, 1, 'x'), (100, 2, 'y'), (101, 1, 'z'), (200, 1, 'w');
