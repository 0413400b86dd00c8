package io.mysqlmigrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioScriptTest {

    @Test
    void splitsAtSemicolonsOutsideLiteralsIdentifiersAndComments() {
        List<String> statements = ScenarioScript.statements("""
                -- a comment; not a statement
                CREATE TABLE `a;b` (v VARCHAR(10) DEFAULT 'x;y');
                INSERT INTO `a;b` VALUES ("it\\"s;"), ('it''s;'); /* tail; */
                # hash comment;
                """);
        assertEquals(2, statements.size(), statements.toString());
        assertEquals("-- a comment; not a statement\nCREATE TABLE `a;b` (v VARCHAR(10) DEFAULT 'x;y')", statements.get(0));
        assertEquals("INSERT INTO `a;b` VALUES (\"it\\\"s;\"), ('it''s;')", statements.get(1));
    }

    @Test
    void delimiterLinesChangeTheTerminatorForRoutineBodies() {
        List<String> statements = ScenarioScript.statements("""
                CREATE TABLE t (id INT);
                DELIMITER //
                CREATE PROCEDURE p()
                BEGIN
                  INSERT INTO t VALUES (1);
                  INSERT INTO t VALUES (2);
                END//
                delimiter ;
                CALL p();
                """);
        assertEquals(List.of("CREATE TABLE t (id INT)",
                "CREATE PROCEDURE p()\nBEGIN\n  INSERT INTO t VALUES (1);\n  INSERT INTO t VALUES (2);\nEND",
                "CALL p()"), statements);
    }

    @Test
    void versionedCommentsAreSentAsWritten() {
        List<String> statements = ScenarioScript.statements(
                "CREATE TABLE p (id INT) /*!50100 PARTITION BY HASH (id) PARTITIONS 2 */;\nSELECT 1");
        assertEquals(List.of("CREATE TABLE p (id INT) /*!50100 PARTITION BY HASH (id) PARTITIONS 2 */", "SELECT 1"),
                statements);
    }
}
