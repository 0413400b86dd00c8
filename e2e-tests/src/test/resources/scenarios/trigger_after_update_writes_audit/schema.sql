CREATE TABLE account (
  id INT NOT NULL PRIMARY KEY,
  balance INT NOT NULL
);
CREATE TABLE audit (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id INT NOT NULL,
  old_balance INT,
  new_balance INT,
  action VARCHAR(10) NOT NULL
);
DELIMITER //
CREATE TRIGGER account_au AFTER UPDATE ON account FOR EACH ROW
BEGIN
  IF NEW.balance <> OLD.balance THEN
    INSERT INTO audit (account_id, old_balance, new_balance, action) VALUES (NEW.id, OLD.balance, NEW.balance, 'update');
  END IF;
END//
CREATE TRIGGER account_ai AFTER INSERT ON account FOR EACH ROW
  INSERT INTO audit (account_id, new_balance, action) VALUES (NEW.id, NEW.balance, 'insert')//
CREATE TRIGGER account_ad AFTER DELETE ON account FOR EACH ROW
  INSERT INTO audit (account_id, old_balance, action) VALUES (OLD.id, OLD.balance, 'delete')//
DELIMITER ;
INSERT INTO account VALUES (1, 100), (2, 200);
UPDATE account SET balance = 150 WHERE id = 1;
