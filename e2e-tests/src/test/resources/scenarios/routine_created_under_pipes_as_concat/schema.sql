CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  first VARCHAR(20) NOT NULL,
  last VARCHAR(20) NOT NULL,
  full_name VARCHAR(41)
);
INSERT INTO t (id, first, last) VALUES (1, 'Ada', 'Lovelace');
-- under PIPES_AS_CONCAT, || is string concatenation; under the default mode it is OR (and returns 0 or 1)
DELIMITER //
CREATE FUNCTION full_name_of (f VARCHAR(20), l VARCHAR(20)) RETURNS VARCHAR(41) DETERMINISTIC NO SQL
BEGIN
  RETURN f || ' ' || l;
END//
CREATE PROCEDURE fill_names () MODIFIES SQL DATA
BEGIN
  UPDATE t SET full_name = first || ' ' || last WHERE full_name IS NULL;
END//
DELIMITER ;
CREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW SET NEW.full_name = NEW.first || ' ' || NEW.last;
CREATE VIEW v_names AS SELECT id, last || ', ' || first AS sort_name FROM t;
CALL fill_names();
