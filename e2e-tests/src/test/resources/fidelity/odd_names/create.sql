CREATE TABLE t (
  `id` INT NOT NULL PRIMARY KEY,
  `we``ird` VARCHAR(20),
  `sp ace` INT,
  `select` INT,
  `ключ` VARCHAR(10),
  `dot.ted` INT,
  `"dq"` INT
);
