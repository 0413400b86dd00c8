package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.dialect.ServerVersion;
import io.mysqlmigrate.dialect.SqlDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SHOW GRANTS lines as MariaDB 10.11 and MySQL 8 print them, and what they allow. */
class GrantsTest {

    @Test
    void allPrivilegesOnEverythingCoversAnyPrivilegeAnywhere() {
        Grants g = Grants.parse(List.of("GRANT ALL PRIVILEGES ON *.* TO `migrate`@`%` IDENTIFIED BY PASSWORD '*AB12' WITH GRANT OPTION"));
        assertTrue(g.holdsGlobally("REPLICATION SLAVE"));
        assertTrue(g.holdsOnDatabase("SHOW VIEW", "shop"));
        assertTrue(g.holdsOnTable("SELECT", "shop", "orders"));
    }

    @Test
    void databaseGrantsCoverTheirDatabaseOnlyAndHonourWildcards() {
        Grants g = Grants.parse(List.of(
                "GRANT SELECT, RELOAD, REPLICATION SLAVE, BINLOG MONITOR ON *.* TO `r`@`%` IDENTIFIED BY PASSWORD '*B6'",
                "GRANT LOCK TABLES, SHOW VIEW ON `shop\\_%`.* TO `r`@`%`",
                "GRANT ALL ON `crm`.* TO `r`@`%`"));
        assertTrue(g.holdsGlobally("BINLOG MONITOR"));
        assertFalse(g.holdsGlobally("LOCK TABLES"));
        assertTrue(g.holdsOnDatabase("LOCK TABLES", "shop_eu"));
        assertFalse(g.holdsOnDatabase("LOCK TABLES", "shopXeu"), "an escaped _ is no wildcard");
        assertFalse(g.holdsOnDatabase("SHOW VIEW", "crm_old"));
        assertTrue(g.holdsOnDatabase("TRIGGER", "crm"), "ALL on a database covers it");
        assertFalse(g.holdsGlobally("TRIGGER"));
    }

    @Test
    void tableGrantsCoverTheirTableAndColumnGrantsCoverNothing() {
        Grants g = Grants.parse(List.of("GRANT USAGE ON *.* TO `t`@`%`",
                "GRANT SELECT (`id`), INSERT ON `shop`.`t` TO `t`@`%`",
                "GRANT SELECT ON `shop`.`odd``name` TO `t`@`%`"));
        assertTrue(g.holdsOnTable("INSERT", "shop", "t"));
        assertFalse(g.holdsOnTable("SELECT", "shop", "t"), "SELECT on one column is not SELECT on the table");
        assertTrue(g.holdsOnTable("SELECT", "shop", "odd`name"));
        assertFalse(g.holdsOnDatabase("INSERT", "shop"));
    }

    @Test
    void rolesPublicAndMySqlListsAreRead() {
        Grants mariaDbRole = Grants.parse(List.of("GRANT `rr` TO `r`@`%`", "GRANT USAGE ON *.* TO `r`@`%`",
                "GRANT DELETE ON `shop`.* TO `rr`", "GRANT CREATE VIEW ON `test`.* TO PUBLIC",
                "GRANT EXECUTE ON PROCEDURE `shop`.`p` TO `r`@`%`", "SET DEFAULT ROLE `rr` FOR `r`@`%`"));
        assertTrue(mariaDbRole.holdsOnDatabase("DELETE", "shop"));
        assertTrue(mariaDbRole.holdsOnDatabase("CREATE VIEW", "test"));
        assertFalse(mariaDbRole.holdsOnDatabase("EXECUTE", "shop"), "a routine grant is not a database grant");
        Grants mysql = Grants.parse(List.of("GRANT SELECT, RELOAD, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO `cdc`@`%`",
                "GRANT REPLICATION_SLAVE_ADMIN ON *.* TO `cdc`@`%`"));
        assertTrue(mysql.holdsAnyGlobally(SqlDialect.of(ServerVersion.parse("8.4.3", "MySQL Community Server")).binlogStatusPrivileges()));
        assertFalse(Grants.parse(List.of("GRANT SELECT ON *.* TO `x`@`%`")).holdsAnyGlobally(
                SqlDialect.of(ServerVersion.parse("10.11.6-MariaDB", "")).binlogStatusPrivileges()));
    }

    @Test
    void anyPrivilegeOnTheWholeDatabaseIsToldFromTableGrants() {
        Grants grants = Grants.parse(java.util.List.of("GRANT USAGE ON *.* TO `u`@`%`", "GRANT SHOW VIEW ON `shop`.* TO `u`@`%`",
                "GRANT SELECT ON `crm`.`t` TO `u`@`%`"));
        org.junit.jupiter.api.Assertions.assertTrue(grants.holdsAnyOnDatabase("shop"));
        org.junit.jupiter.api.Assertions.assertFalse(grants.holdsAnyOnDatabase("crm"), "a table grant shows only that table");
    }
}
