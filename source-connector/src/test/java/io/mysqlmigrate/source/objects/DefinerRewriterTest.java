package io.mysqlmigrate.source.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DefinerRewriterTest {

    @Test
    void viewsLoseTheirDefinerAndRunAsInvoker() {
        assertEquals("CREATE OR REPLACE ALGORITHM=UNDEFINED SQL SECURITY INVOKER VIEW `v` AS select 1 AS `1`",
                DefinerRewriter.view("CREATE ALGORITHM=UNDEFINED DEFINER=`app`@`%` SQL SECURITY DEFINER VIEW `v` AS select 1 AS `1`"));
        assertEquals("CREATE OR REPLACE SQL SECURITY INVOKER VIEW `v` AS select 'DEFINER=x' AS `a`",
                DefinerRewriter.view("CREATE DEFINER=`o``dd`@`h.example` SQL SECURITY INVOKER VIEW `v` AS select 'DEFINER=x' AS `a`"));
        assertThrows(IllegalArgumentException.class, () -> DefinerRewriter.view("CREATE TABLE t (id INT)"));
    }

    @Test
    void routinesGetInvokerBeforeTheirBodyOrInPlaceOfDefinerSecurity() {
        String body = "BEGIN SELECT 'SQL SECURITY DEFINER'; END";
        assertEquals("CREATE PROCEDURE `p`(OUT n INT)\n    SQL SECURITY INVOKER\n" + body,
                DefinerRewriter.routine("CREATE DEFINER=`app`@`%` PROCEDURE `p`(OUT n INT)\n" + body, body));
        assertEquals("CREATE FUNCTION `f`(x INT) RETURNS int(11)\n    DETERMINISTIC\n    SQL SECURITY INVOKER\nRETURN x * 2",
                DefinerRewriter.routine("CREATE DEFINER=`app`@`%` FUNCTION `f`(x INT) RETURNS int(11)\n    DETERMINISTIC\n"
                        + "    SQL SECURITY DEFINER\nRETURN x * 2", "RETURN x * 2"));
        assertThrows(IllegalArgumentException.class, () -> DefinerRewriter.routine("CREATE PROCEDURE p() BEGIN END", "other"));
    }

    @Test
    void objectsDefinedUnderAnsiQuotesShowTheirDefinerAndNamesInDoubleQuotes() {
        assertEquals("CREATE TRIGGER \"tr\" BEFORE INSERT ON \"t\" FOR EACH ROW SET NEW.\"a\" = 1",
                DefinerRewriter.withoutDefiner("CREATE DEFINER=\"app user\"@\"%\" TRIGGER \"tr\" BEFORE INSERT ON \"t\" FOR EACH ROW SET NEW.\"a\" = 1"));
        assertEquals("CREATE TRIGGER \"tr\" BEFORE INSERT ON \"t\" FOR EACH ROW FOLLOWS \"other\" BEGIN IF "
                        + DefinerRewriter.SINK_SESSION_MARK + " IS NULL THEN SET NEW.\"a\" = 1; END IF; END",
                DefinerRewriter.guardedTrigger("CREATE DEFINER=\"root\"@\"localhost\" TRIGGER \"tr\" BEFORE INSERT ON \"t\" FOR EACH ROW "
                        + "FOLLOWS \"other\" SET NEW.\"a\" = 1"));
    }

    @Test
    void triggersOnlyLoseTheirDefiner() {
        assertEquals("CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW SET @a = 1",
                DefinerRewriter.withoutDefiner("CREATE DEFINER=`app`@`%` TRIGGER tr AFTER INSERT ON t FOR EACH ROW SET @a = 1"));
    }

    @Test
    void guardedTriggersSkipTheSinksWritesAndEventsArriveDisabled() {
        assertEquals("CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW BEGIN IF @mysql_migrate_sink IS NULL THEN "
                        + "INSERT INTO a VALUES (NEW.id); END IF; END",
                DefinerRewriter.guardedTrigger("CREATE DEFINER=`app`@`%` TRIGGER tr AFTER INSERT ON t FOR EACH ROW INSERT INTO a VALUES (NEW.id);"));
        assertEquals("CREATE TRIGGER tr2 BEFORE UPDATE ON t FOR EACH ROW FOLLOWS tr BEGIN IF @mysql_migrate_sink IS NULL THEN "
                        + "BEGIN SET NEW.v = 1; END; END IF; END",
                DefinerRewriter.guardedTrigger("CREATE TRIGGER tr2 BEFORE UPDATE ON t FOR EACH ROW FOLLOWS tr BEGIN SET NEW.v = 1; END"));
        assertEquals("CREATE EVENT `e` ON SCHEDULE EVERY 1 HOUR STARTS '2026-01-01 00:00:00' ON COMPLETION NOT PRESERVE DISABLE "
                        + "COMMENT 'x DO y' DO DELETE FROM a",
                DefinerRewriter.disabledEvent("CREATE DEFINER=`app`@`%` EVENT `e` ON SCHEDULE EVERY 1 HOUR STARTS '2026-01-01 00:00:00' "
                        + "ON COMPLETION NOT PRESERVE ENABLE COMMENT 'x DO y' DO DELETE FROM a"));
    }

    @Test
    void accountsAreNamedUserAtHostAndCreatedOnlyWhenMissing() {
        assertEquals(new AccountCatalog.Account("app", "%"), AccountCatalog.Account.parse(" app@% "));
        assertEquals(new AccountCatalog.Account("we@b", "10.0.%"), AccountCatalog.Account.parse("'we@b'@'10.0.%'"));
        assertEquals("'o''k'@'h'", new AccountCatalog.Account("o'k", "h").quoted());
        assertThrows(IllegalArgumentException.class, () -> AccountCatalog.Account.parse("app"));
        assertEquals("CREATE USER IF NOT EXISTS `app`@`%` IDENTIFIED BY PASSWORD '*AB'",
                AccountCatalog.ifNotExists("CREATE USER `app`@`%` IDENTIFIED BY PASSWORD '*AB'"));
        assertEquals("CREATE USER IF NOT EXISTS `a`@`%`", AccountCatalog.ifNotExists("CREATE USER IF NOT EXISTS `a`@`%`"));
    }

    @Test
    void syncSendsCreatesThenReplacementsAndDrops() {
        ObjectSync sync = new ObjectSync();
        SourceObject v1 = new SourceObject(ObjectKind.VIEW, "d", "v", "CREATE OR REPLACE SQL SECURITY INVOKER VIEW `v` AS select 1");
        SourceObject p1 = new SourceObject(ObjectKind.PROCEDURE, "d", "p", "CREATE PROCEDURE `p`() SQL SECURITY INVOKER BEGIN END");
        assertEquals(List.of(new ObjectSync.Statement("d", v1.createStatement()), new ObjectSync.Statement("d", p1.createStatement())),
                sync.diff(List.of(v1, p1)));
        assertEquals(List.of(), sync.diff(List.of(v1, p1)));
        SourceObject v2 = new SourceObject(ObjectKind.VIEW, "d", "v", "CREATE OR REPLACE SQL SECURITY INVOKER VIEW `v` AS select 2");
        SourceObject p2 = new SourceObject(ObjectKind.PROCEDURE, "d", "p", "CREATE PROCEDURE `p`() SQL SECURITY INVOKER BEGIN SELECT 1; END");
        assertEquals(List.of(new ObjectSync.Statement("d", v2.createStatement()), new ObjectSync.Statement("d", "DROP PROCEDURE IF EXISTS `p`"),
                new ObjectSync.Statement("d", p2.createStatement())), sync.diff(List.of(v2, p2)));
        assertEquals(List.of(new ObjectSync.Statement("d", "DROP VIEW IF EXISTS `v`")), sync.diff(List.of(p2)));
    }
}
