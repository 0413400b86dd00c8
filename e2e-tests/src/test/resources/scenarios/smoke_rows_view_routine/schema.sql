CREATE TABLE item (
  id INT NOT NULL PRIMARY KEY,
  code VARCHAR(20) NOT NULL UNIQUE,
  price DECIMAL(10,2) NULL,
  ratio FLOAT NULL,
  made DATETIME(6) NULL,
  raw VARBINARY(8) NULL
);
INSERT INTO item VALUES (1, 'a', 1.50, 3.40282e38, '2020-01-02 03:04:05.123456', x'00ff'),
                        (2, 'b', NULL, -1.17549435e-38, NULL, NULL);
CREATE VIEW cheap AS SELECT id, code FROM item WHERE price < 10;
DELIMITER //
CREATE PROCEDURE add_item(IN p_id INT, IN p_code VARCHAR(20))
BEGIN
  INSERT INTO item (id, code) VALUES (p_id, p_code);
END//
DELIMITER ;
