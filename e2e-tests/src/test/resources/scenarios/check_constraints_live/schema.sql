CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  qty INT NOT NULL,
  price DECIMAL(8,2) NOT NULL,
  CONSTRAINT chk_qty CHECK (qty >= 0),
  CONSTRAINT chk_price CHECK (price > 0 AND price < 1000)
);
INSERT INTO t VALUES (1, 0, 1.00), (2, 5, 999.99);
