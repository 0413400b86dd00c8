CREATE TABLE "quoted table" (
  "id" INT NOT NULL PRIMARY KEY,
  "label" VARCHAR(20) NOT NULL
);
INSERT INTO "quoted table" VALUES (1, 'one'), (2, 'two');
DELIMITER //
CREATE FUNCTION label_of (k INT) RETURNS VARCHAR(20) READS SQL DATA
BEGIN
  DECLARE s VARCHAR(20);
  SELECT "label" INTO s FROM "quoted table" WHERE "id" = k;
  RETURN s;
END//
CREATE PROCEDURE relabel (IN k INT, IN l VARCHAR(20)) MODIFIES SQL DATA
BEGIN
  UPDATE "quoted table" SET "label" = l WHERE "id" = k;
END//
DELIMITER ;
CREATE VIEW "quoted view" AS SELECT "id", "label" FROM "quoted table" WHERE "id" > 0;
CREATE TRIGGER "qt_bi" BEFORE INSERT ON "quoted table" FOR EACH ROW SET NEW."label" = TRIM(NEW."label");
