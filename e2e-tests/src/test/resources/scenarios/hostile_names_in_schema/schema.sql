CREATE TABLE `order` (
  `select` INT NOT NULL PRIMARY KEY,
  `from` VARCHAR(20),
  `key` INT,
  `index` INT,
  UNIQUE KEY `unique` (`key`)
);
CREATE TABLE `table with spaces` (
  `id with space` INT NOT NULL PRIMARY KEY,
  `col.with.dots` VARCHAR(20),
  `col'single'` VARCHAR(20),
  `col"double"` VARCHAR(20),
  `col``backtick` VARCHAR(20),
  `ключ` VARCHAR(20),
  `名前` VARCHAR(20),
  `snowman☃` VARCHAR(20),
  ` leading space` INT,
  `UPPER lower` INT,
  `123starts_with_digit` INT,
  `$dollar` INT
);
CREATE TABLE `dotted.table` (
  id INT NOT NULL PRIMARY KEY,
  v VARCHAR(10)
);
CREATE TABLE `quote'd "table"` (
  id INT NOT NULL PRIMARY KEY,
  `a``b` INT,
  KEY `index name with ``backtick`` and space` (`a``b`)
);
CREATE TABLE `таблица` (
  `ид` INT NOT NULL PRIMARY KEY,
  `значение` VARCHAR(20)
);
INSERT INTO `order` VALUES (1, 'from 1', 10, 100), (2, 'from 2', 20, 200);
INSERT INTO `table with spaces` VALUES (1, 'dots', 'single', 'double', 'backtick', 'ключ', '名前', '😀', 1, 2, 3, 4);
INSERT INTO `dotted.table` VALUES (1, 'a');
INSERT INTO `quote'd "table"` VALUES (1, 1), (2, 2);
INSERT INTO `таблица` VALUES (1, 'один');
CREATE VIEW `view with space` AS SELECT `select`, `from` FROM `order`;
