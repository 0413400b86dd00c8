CREATE TABLE orders (
  id INT NOT NULL PRIMARY KEY,
  customer VARCHAR(20) NOT NULL,
  status VARCHAR(10) NOT NULL
);
CREATE TABLE order_lines (
  order_id INT NOT NULL,
  line INT NOT NULL,
  item VARCHAR(20) NOT NULL,
  qty INT NOT NULL,
  PRIMARY KEY (order_id, line)
);
CREATE TABLE stock (
  item VARCHAR(20) NOT NULL PRIMARY KEY,
  qty INT NOT NULL
);
INSERT INTO stock VALUES ('apple', 10), ('pear', 5);
