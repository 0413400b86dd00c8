CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  email VARCHAR(40) NOT NULL,
  email_norm VARCHAR(40),
  updated_count INT NOT NULL DEFAULT 0
);
CREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW SET NEW.email_norm = LOWER(TRIM(NEW.email));
DELIMITER //
CREATE TRIGGER t_bu BEFORE UPDATE ON t FOR EACH ROW
BEGIN
  SET NEW.email_norm = LOWER(TRIM(NEW.email));
  SET NEW.updated_count = OLD.updated_count + 1;
END//
DELIMITER ;
INSERT INTO t (id, email) VALUES (1, ' Ann@Example.COM '), (2, 'bob@example.com');
