CREATE TABLE `group` (
  id INT NOT NULL PRIMARY KEY,
  `desc` VARCHAR(20)
);
INSERT INTO `group` VALUES (1, 'a'), (2, 'b');
