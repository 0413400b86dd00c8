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
    void everythingElseIsAppliedAsItIs() {
        assertEquals(Kind.OTHER, DdlStatement.classify("ALTER TABLE t ADD COLUMN c INT").kind());
        assertEquals(Kind.OTHER, DdlStatement.classify("CREATE INDEX i ON t (c)").kind());
        assertEquals(Kind.OTHER, DdlStatement.classify("").kind());
    }
}
