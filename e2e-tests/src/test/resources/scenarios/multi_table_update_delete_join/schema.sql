CREATE TABLE product (
  id INT NOT NULL PRIMARY KEY,
  name VARCHAR(20) NOT NULL,
  price DECIMAL(8,2) NOT NULL,
  discontinued TINYINT NOT NULL DEFAULT 0
);
CREATE TABLE stock (
  product_id INT NOT NULL PRIMARY KEY,
  qty INT NOT NULL
);
INSERT INTO product VALUES (1, 'a', 1.00, 0), (2, 'b', 2.00, 0), (3, 'c', 3.00, 1), (4, 'd', 4.00, 1);
INSERT INTO stock VALUES (1, 10), (2, 0), (3, 5), (4, 0);
