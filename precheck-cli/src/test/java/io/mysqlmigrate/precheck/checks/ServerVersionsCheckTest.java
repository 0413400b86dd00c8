package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.dialect.ServerVersion;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Status;
import org.junit.jupiter.api.Test;

/**
 * servers.versions on pairs no server here can be: the test machines have one MariaDB (10.11), so an unsupported
 * version, another flavour or an older destination cannot be started; the live PASS is in PrecheckOnMariaDbIT. Each bad
 * pair is followed by the pair its fix text asks for, which passes.
 */
class ServerVersionsCheckTest {

    private static final ServerVersion MARIADB_10_11 = ServerVersion.parse("10.11.6-MariaDB-0+deb12u1", "Debian 12");
    private static final ServerVersion MARIADB_10_6 = ServerVersion.parse("10.6.16-MariaDB", "MariaDB Server");
    private static final ServerVersion MARIADB_10_5 = ServerVersion.parse("10.5.23-MariaDB", "MariaDB Server");
    private static final ServerVersion MYSQL_5_7 = ServerVersion.parse("5.7.44", "MySQL Community Server (GPL)");
    private static final ServerVersion MYSQL_8_0 = ServerVersion.parse("8.0.36", "MySQL Community Server - GPL");
    private static final ServerVersion MYSQL_8_4 = ServerVersion.parse("8.4.0", "MySQL Community Server - GPL");

    private final ServerVersionsCheck check = new ServerVersionsCheck();

    @Test
    void anUnsupportedSourceOrDestinationFailsUntilUpgraded() {
        CheckResult oldMariaDb = check.decide(MARIADB_10_5, MARIADB_10_11);
        assertEquals(Status.FAIL, oldMariaDb.status(), oldMariaDb.found());
        assertTrue(oldMariaDb.fix().contains("MariaDB 10.6 or newer"), oldMariaDb.fix());
        assertEquals(Status.PASS, check.decide(MARIADB_10_6, MARIADB_10_11).status());

        CheckResult oldMySql = check.decide(MYSQL_8_0, MYSQL_5_7);
        assertEquals(Status.FAIL, oldMySql.status(), oldMySql.found());
        assertTrue(oldMySql.fix().contains("MySQL 8.0 or newer"), oldMySql.fix());
        assertEquals(Status.PASS, check.decide(MYSQL_8_0, MYSQL_8_4).status());
    }

    @Test
    void aDestinationOlderThanTheSourceFailsUntilItIsTheVersionTheFixNames() {
        CheckResult older = check.decide(MARIADB_10_11, MARIADB_10_6);
        assertEquals(Status.FAIL, older.status(), older.found());
        assertEquals("Use a destination of version 10.11 or newer.", older.fix());
        assertEquals(Status.PASS, check.decide(MARIADB_10_11, ServerVersion.parse("10.11.2-MariaDB", "")).status(),
                "a lower patch level of the same minor version is not older");
        assertEquals(Status.FAIL, check.decide(MYSQL_8_4, MYSQL_8_0).status());
    }

    @Test
    void differentFlavoursWarnAndSameFlavourPasses() {
        CheckResult mixed = check.decide(MYSQL_8_0, MARIADB_10_11);
        assertEquals(Status.WARN, mixed.status(), mixed.found());
        assertEquals("servers.versions", mixed.id());
        assertEquals(Status.PASS, check.decide(MARIADB_10_11, MARIADB_10_11).status());
    }
}
