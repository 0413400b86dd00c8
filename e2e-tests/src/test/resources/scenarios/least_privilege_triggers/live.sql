INSERT INTO t (id, v) VALUES (3, 'three');
UPDATE t SET v = 'uno' WHERE id = 1;
UPDATE t SET v = CONCAT(v, '!');
CREATE TRIGGER t_bu BEFORE UPDATE ON t FOR EACH ROW SET NEW.v_len = CHAR_LENGTH(NEW.v);
UPDATE t SET v = 'dos' WHERE id = 2;
