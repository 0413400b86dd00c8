INSERT INTO t VALUES (2, 'before create');
CREATE TABLE created_live (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(20) NOT NULL,
  amount DECIMAL(8,2) DEFAULT 0.00
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO created_live (name, amount) VALUES ('x', 1.5), ('y', 2.5);
ALTER TABLE created_live ADD COLUMN note VARCHAR(20) NULL AFTER name, ENGINE=InnoDB;
UPDATE created_live SET note = 'noted' WHERE name = 'x';
CREATE TABLE copy_like LIKE created_live;
INSERT INTO copy_like SELECT * FROM created_live;
CREATE TABLE IF NOT EXISTS created_live (id INT PRIMARY KEY);
CREATE TABLE to_drop (id INT PRIMARY KEY);
INSERT INTO to_drop VALUES (1), (2);
DROP TABLE to_drop;
DROP TABLE IF EXISTS never_existed;
-- a table dropped and created again under the same name, with another shape
CREATE TABLE to_drop (id INT PRIMARY KEY, w VARCHAR(10));
INSERT INTO to_drop VALUES (3, 'new shape');
UPDATE t SET v = 'after' WHERE id = 1;
