package io.mysqlmigrate.sink.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.sink.ddl.DdlStatement.Kind;
import org.junit.jupiter.api.Test;

class DdlStatementTest {

    @Test
    void snapshotPreambleIsRecognised() {
        assertTrue(DdlStatement.classify("DROP TABLE IF EXISTS `shop`.`orders`").isDropIfExists());
        assertTrue(DdlStatement.classify("DROP DATABASE IF EXISTS `shop`").isDropIfExists());
        assertEquals(Kind.SESSION, DdlStatement.classify("SET character_set_server=utf8mb4, collation_server=utf8mb4_general_ci").kind());
        assertEquals(Kind.SESSION, DdlStatement.classify("USE `shop`").kind());
    }

    @Test
    void plainDropIsNotDropIfExists() {
        DdlStatement drop = DdlStatement.classify("DROP TABLE `shop`.`orders`");
        assertEquals(Kind.DROP_TABLE, drop.kind());
        assertFalse(drop.isDropIfExists());
    }

    @Test
    void commentsAndCaseDoNotMatter() {
        assertEquals(Kind.CREATE_TABLE, DdlStatement.classify("/* made by tool */\n create  table t (id int)").kind());
        assertEquals(Kind.CREATE_TABLE, DdlStatement.classify("-- note\nCREATE OR REPLACE TABLE t (id int)").kind());
        assertEquals(Kind.CREATE_DATABASE, DdlStatement.classify("CREATE SCHEMA s").kind());
        assertEquals(Kind.CREATE_DATABASE, DdlStatement.classify("CREATE DATABASE `shop` CHARSET utf8mb4").kind());
    }

    @Test
    void tableAndIndexStatementsAreApplied() {
        assertEquals(Kind.ALTER_TABLE, DdlStatement.classify("ALTER TABLE t ADD COLUMN c INT").kind());
        assertEquals(Kind.ALTER_TABLE, DdlStatement.classify("alter online ignore table t add c int").kind());
        assertEquals(Kind.CREATE_INDEX, DdlStatement.classify("CREATE UNIQUE INDEX i ON t (c)").kind());
        assertEquals(Kind.DROP_INDEX, DdlStatement.classify("DROP INDEX i ON t").kind());
        assertEquals(Kind.RENAME_TABLE, DdlStatement.classify("RENAME TABLE a TO b").kind());
        assertEquals(Kind.TRUNCATE_TABLE, DdlStatement.classify("TRUNCATE t").kind());
        assertEquals(Kind.ALTER_DATABASE, DdlStatement.classify("ALTER DATABASE d CHARACTER SET utf8mb4").kind());
        assertTrue(Kind.CREATE_INDEX.applied());
    }

    @Test
    void viewsAndRoutinesAreApplied() {
        assertEquals(Kind.CREATE_VIEW, DdlStatement.classify("CREATE OR REPLACE ALGORITHM=UNDEFINED SQL SECURITY INVOKER VIEW `v` AS "
                + "select 1").kind());
        assertEquals(Kind.CREATE_VIEW, DdlStatement.classify("/* c */ create view v as select 1").kind());
        assertEquals(Kind.CREATE_ROUTINE, DdlStatement.classify("CREATE PROCEDURE `p`(OUT n INT)\n    SQL SECURITY INVOKER\nBEGIN END").kind());
        assertEquals(Kind.CREATE_ROUTINE, DdlStatement.classify("CREATE DEFINER=`u`@`%` FUNCTION f() RETURNS INT RETURN 1").kind());
        assertEquals(Kind.DROP_VIEW, DdlStatement.classify("DROP VIEW IF EXISTS `v`").kind());
        assertEquals(Kind.DROP_ROUTINE, DdlStatement.classify("DROP PROCEDURE IF EXISTS `p`").kind());
        assertTrue(Kind.CREATE_ROUTINE.applied() && Kind.DROP_VIEW.applied());
        assertEquals(Kind.ACCOUNT, DdlStatement.classify("CREATE USER IF NOT EXISTS `app`@`%` IDENTIFIED BY PASSWORD '*AB'").kind());
        assertEquals(Kind.ACCOUNT, DdlStatement.classify("GRANT SELECT ON `shop`.* TO `app`@`%`").kind());
        assertEquals(Kind.CREATE_GUARDED_TRIGGER, DdlStatement.classify("CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW BEGIN IF "
                + "@mysql_migrate_sink IS NULL THEN INSERT INTO a VALUES (NEW.id); END IF; END").kind());
        assertEquals(Kind.CREATE_DISABLED_EVENT, DdlStatement.classify("CREATE EVENT `e` ON SCHEDULE EVERY 1 HOUR STARTS '2026-01-01 00:00:00' "
                + "ON COMPLETION NOT PRESERVE DISABLE DO DELETE FROM x").kind());
        // SHOW CREATE EVENT prints an event's comment between DISABLE and DO (and ON SLAVE after DISABLE on MariaDB)
        assertEquals(Kind.CREATE_DISABLED_EVENT, DdlStatement.classify("CREATE EVENT `e` ON SCHEDULE EVERY 1 DAY STARTS "
                + "'2030-01-01 00:00:00' ON COMPLETION NOT PRESERVE DISABLE COMMENT 'cleans ''up'' do' DO DELETE FROM x").kind());
        assertEquals(Kind.CREATE_DISABLED_EVENT, DdlStatement.classify("CREATE EVENT `e` ON SCHEDULE EVERY 1 DAY "
                + "ON COMPLETION PRESERVE DISABLE ON SLAVE DO DELETE FROM x").kind());
    }

    @Test
    void triggersEventsUdfsAndTemporaryTablesAreNeverApplied() {
        for (String ddl : new String[] {"CREATE DEFINER=`u`@`%` TRIGGER t AFTER INSERT ON x FOR EACH ROW SET @a = 1",
                "CREATE EVENT e ON SCHEDULE EVERY 1 HOUR DO DELETE FROM x", "CREATE FUNCTION metaphon RETURNS STRING SONAME 'udf.so'",
                "CREATE TEMPORARY TABLE tmp (id INT)", "CREATE USER u", ""}) {
            assertEquals(Kind.OTHER, DdlStatement.classify(ddl).kind(), ddl);
            assertFalse(DdlStatement.classify(ddl).kind().applied(), ddl);
        }
    }
}
