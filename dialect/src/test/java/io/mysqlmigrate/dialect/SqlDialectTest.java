package io.mysqlmigrate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlDialectTest {

    private static final SqlDialect MARIADB = SqlDialect.of(ServerVersion.parse("10.11.6-MariaDB", ""));
    private static final SqlDialect MYSQL_84 = SqlDialect.of(ServerVersion.parse("8.4.3", "MySQL Community Server"));
    private static final SqlDialect MYSQL_80_OLD = SqlDialect.of(ServerVersion.parse("8.0.18", "MySQL Community Server"));

    @Test
    void mariaDbUpsertUsesValuesFunction() {
        assertEquals("INSERT INTO `d`.`t` (`id`, `a`) VALUES (?,?),(?,?) ON DUPLICATE KEY UPDATE `a` = VALUES(`a`)",
                MARIADB.upsert("`d`.`t`", List.of("id", "a"), List.of("a"), 2));
    }

    @Test
    void mySqlUpsertUsesARowAlias() {
        assertEquals("INSERT INTO `d`.`t` (`id`, `a`) VALUES (?,?) AS _incoming ON DUPLICATE KEY UPDATE `a` = _incoming.`a`",
                MYSQL_84.upsert("`d`.`t`", List.of("id", "a"), List.of("a"), 1));
    }

    @Test
    void oldMySqlFallsBackToValuesFunction() {
        assertEquals("INSERT INTO `t` (`id`, `a`) VALUES (?,?) ON DUPLICATE KEY UPDATE `a` = VALUES(`a`)",
                MYSQL_80_OLD.upsert("`t`", List.of("id", "a"), List.of("a"), 1));
    }

    @Test
    void upsertWithoutUpdatableColumnsIsAPlainInsert() {
        assertEquals("INSERT INTO `t` (`id`) VALUES (?)", MARIADB.upsert("`t`", List.of("id"), List.of(), 1));
        assertEquals("INSERT INTO `t` (`id`) VALUES (?)", MYSQL_84.upsert("`t`", List.of("id"), List.of(), 1));
    }

    @Test
    void binaryLogStatusStatementFollowsTheServer() {
        assertEquals("SHOW BINLOG STATUS", MARIADB.showBinaryLogStatus());
        assertEquals("SHOW BINARY LOG STATUS", MYSQL_84.showBinaryLogStatus());
        assertEquals("SHOW MASTER STATUS", MYSQL_80_OLD.showBinaryLogStatus());
    }

    @Test
    void aSnapshotReadsFloatsWidenedToDoubleOnBothFlavoursWhereTheCastExists() {
        assertEquals("CAST(`f` AS DOUBLE)", MARIADB.exactFloatSelect("`f`"));
        assertEquals("CAST(`f` AS DOUBLE)", MYSQL_84.exactFloatSelect("`f`"));
        assertNull(SqlDialect.of(ServerVersion.parse("8.0.16", "MySQL Community Server")).exactFloatSelect("`f`"), "no CAST AS DOUBLE before 8.0.17");
    }

    @Test
    void serverIdentityComesFromTheUuidOrFromHostPortAndId() {
        assertEquals("SELECT @@server_uuid", MYSQL_84.serverIdentityQuery());
        assertEquals("SELECT CONCAT(@@hostname, ':', @@port, '#', @@server_id)", MARIADB.serverIdentityQuery());
    }

    @Test
    void quotesBackticksInsideNames() {
        assertEquals("`we``ird name`", Identifiers.quote("we`ird name"));
        assertEquals("`db`.`t`", Identifiers.quote("db", "t"));
    }

    @Test
    void theRoutineReadingPrivilegeFollowsTheFlavour() {
        assertEquals("GRANT SELECT ON `mysql`.`proc` TO 'u'@'%';", MARIADB.routineReaders().get(0).grantTo("'u'@'%'"));
        assertEquals(1, MARIADB.routineReaders().size());
        assertEquals(List.of("SHOW_ROUTINE on *.*", "SELECT on *.*"), MYSQL_84.routineReaders().stream().map(Object::toString).toList());
        assertEquals(List.of("SELECT on *.*"), MYSQL_80_OLD.routineReaders().stream().map(Object::toString).toList(),
                "SHOW_ROUTINE arrived in 8.0.20");
    }

    @Test
    void onlyMariaDbHasAnEventCatalogTableToCountFrom() {
        assertEquals("SELECT COUNT(*) FROM mysql.event WHERE db = ?", MARIADB.eventCatalogCount());
        assertNull(MYSQL_84.eventCatalogCount());
    }

    @Test
    void mysqlsVersionCommentedInvisibleIsWrittenOutForMariaDbAndKeptForMySql() {
        String ddl = "CREATE TABLE `t` (\n  `id` int NOT NULL,\n  `secret` int DEFAULT NULL /*!80023 INVISIBLE */\n)";
        assertEquals("CREATE TABLE `t` (\n  `id` int NOT NULL,\n  `secret` int DEFAULT NULL INVISIBLE\n)", MARIADB.versionedClauses(ddl));
        assertEquals(ddl, MYSQL_84.versionedClauses(ddl));
        String encryption = "CREATE DATABASE `d` /*!40100 DEFAULT CHARACTER SET utf8mb4 */ /*!80016 DEFAULT ENCRYPTION='N' */";
        assertEquals(encryption, MARIADB.versionedClauses(encryption));
    }

    @Test
    void replicationConnectionsAreListedAsEachServerSaysIt() {
        assertEquals("SHOW ALL SLAVES STATUS", MARIADB.showReplicaStatus());
        assertEquals("SHOW REPLICA STATUS", MYSQL_84.showReplicaStatus());
        assertEquals("SHOW SLAVE STATUS", SqlDialect.of(ServerVersion.parse("8.0.21", "MySQL Community Server")).showReplicaStatus(),
                "SHOW REPLICA STATUS arrived in 8.0.22");
        assertEquals("SLAVE MONITOR", MARIADB.replicaStatusPrivilege());
        assertEquals("REPLICATION CLIENT", MYSQL_84.replicaStatusPrivilege());
    }

    @Test
    void theBinlogStatusPrivilegeHasTwoNamesOnMariaDb() {
        assertEquals(List.of("BINLOG MONITOR", "REPLICATION CLIENT"), MARIADB.binlogStatusPrivileges());
        assertEquals(List.of("REPLICATION CLIENT"), MYSQL_84.binlogStatusPrivileges());
    }

    @Test
    void onlyMySqlNeedsTheActiveRolesNamedToListTheirGrants() {
        assertNull(MARIADB.activeRolesQuery());
        assertEquals("SHOW GRANTS", MARIADB.showOwnGrants(null));
        assertEquals("SELECT CURRENT_ROLE()", MYSQL_84.activeRolesQuery());
        assertEquals("SHOW GRANTS FOR CURRENT_USER() USING `r1`@`%`,`r2`@`%`", MYSQL_84.showOwnGrants("`r1`@`%`,`r2`@`%`"));
        assertEquals("SHOW GRANTS", MYSQL_84.showOwnGrants("NONE"));
        assertEquals("SHOW GRANTS", MYSQL_84.showOwnGrants(""));
        assertEquals("SHOW GRANTS", MYSQL_84.showOwnGrants(null));
    }

    @Test
    void mySqlMakesAColumnVisibleInPlaceAndMariaDbRedefinesIt() throws Exception {
        assertEquals("ALTER TABLE `d`.`t` ALTER COLUMN `c` SET VISIBLE", MYSQL_84.makeColumnVisible("d", "t", "c", () -> {
            throw new AssertionError("MySQL needs no table definition");
        }));
        String create = "CREATE TABLE `t` (\n  `id` int(11) NOT NULL,\n  `c` varchar(10) DEFAULT 'x' INVISIBLE,\n  PRIMARY KEY (`id`)\n)";
        assertEquals("ALTER TABLE `d`.`t` MODIFY `c` varchar(10) DEFAULT 'x'", MARIADB.makeColumnVisible("d", "t", "c", () -> create));
        assertEquals("ALTER TABLE `d`.`t` MODIFY `gone` <its definition without INVISIBLE>",
                MARIADB.makeColumnVisible("d", "t", "gone", () -> create));
    }
}
