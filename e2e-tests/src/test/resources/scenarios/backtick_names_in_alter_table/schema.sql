CREATE TABLE `group` (
  id INT NOT NULL PRIMARY KEY,
  v VARCHAR(20),
  `c``r` INT,
  `d``d` INT
);
INSERT INTO `group` VALUES (1, 'a', 1, 1);
