CREATE TABLE `odd table name` (
  `id` INT NOT NULL PRIMARY KEY,
  `we``ird` VARCHAR(20),
  `sp ace` INT,
  `select` INT,
  `ключ` VARCHAR(10),
  `dot.ted` INT,
  `"dq"` INT
);

INSERT INTO `odd table name` VALUES (1, 'a`b', 1, 2, 'значение', 3, 4), (2, NULL, NULL, NULL, NULL, NULL, NULL);
