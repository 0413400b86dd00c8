package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Status;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.stack.SharedStack;
import org.junit.jupiter.api.Test;

/**
 * Source and destination privileges against the shared source and destination MariaDB, with accounts created short of
 * privileges: the check names what is missing per migration type, and its GRANT statements, run, make it pass.
 */
class PrivilegesOnMariaDbIT {

    @Test
    void aSourceAccountWithOnlySelectFailsPerMigrationTypeUntilItsGrantsAreRun() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        String db = CheckRuns.newDatabase(stack.source(), "priv_src");
        String user = db + "_reader";
        stack.source().execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'pw'", "GRANT SELECT ON " + db + ".* TO '" + user + "'@'%'");
        var sink = CheckRuns.sink(stack.destination());

        CheckResult incremental = CheckRuns.run(new SourcePrivilegesCheck(), CheckRuns.sourceAs(stack.source(), user, "pw", db), sink);
        assertEquals(Status.FAIL, incremental.status());
        assertTrue(incremental.found().startsWith("'" + user + "'@'%': missing RELOAD, REPLICATION SLAVE, BINLOG MONITOR on *.*"),
                incremental.found() + " (BINLOG MONITOR is MariaDB's REPLICATION CLIENT)");
        assertTrue(incremental.found().contains("SHOW VIEW on `" + db + "`.*") && !incremental.found().contains("not blocking"),
                "views are migrated, so SHOW VIEW is required: " + incremental.found());
        assertFalse(incremental.found().contains("pw") || incremental.fix().contains("PASSWORD"), "no secret in the report");

        CheckResult fullOnly = CheckRuns.run(new SourcePrivilegesCheck(),
                CheckRuns.sourceAs(stack.source(), user, "pw", db, MigrationSourceConfig.MIGRATION_TYPES, "schema,full"), sink);
        assertEquals(Status.FAIL, fullOnly.status());
        assertFalse(fullOnly.found().contains("REPLICATION"), "schema,full never reads the binary log: " + fullOnly.found());

        CheckRuns.applyFix(stack.source(), incremental.fix());
        CheckResult fixed = CheckRuns.run(new SourcePrivilegesCheck(), CheckRuns.sourceAs(stack.source(), user, "pw", db), sink);
        assertEquals(Status.PASS, fixed.status(), fixed.found());
    }

    @Test
    void lockTablesDoesNotStandInForReloadAndTableGrantsCountForDatabaseSelect() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        String db = CheckRuns.newDatabase(stack.source(), "priv_lock");
        String user = db + "_reader";
        stack.source().execute("CREATE TABLE " + db + ".u (id INT PRIMARY KEY)",
                "CREATE USER '" + user + "'@'%' IDENTIFIED BY 'pw'",
                "GRANT REPLICATION SLAVE, BINLOG MONITOR ON *.* TO '" + user + "'@'%'",
                "GRANT LOCK TABLES, SHOW VIEW ON " + db + ".* TO '" + user + "'@'%'",
                "GRANT SELECT ON " + db + ".t TO '" + user + "'@'%'");
        var sink = CheckRuns.sink(stack.destination());
        CheckResult oneTableShort = CheckRuns.run(new SourcePrivilegesCheck(), CheckRuns.sourceAs(stack.source(), user, "pw", db), sink);
        assertEquals(Status.FAIL, oneTableShort.status());
        assertTrue(oneTableShort.found().contains("missing SELECT on `" + db + "`.`u`"), oneTableShort.found());

        stack.source().execute("GRANT SELECT ON " + db + ".u TO '" + user + "'@'%'");
        CheckResult lockTablesOnly = CheckRuns.run(new SourcePrivilegesCheck(), CheckRuns.sourceAs(stack.source(), user, "pw", db), sink);
        assertEquals(Status.FAIL, lockTablesOnly.status(), "Debezium's snapshot lock needs RELOAD even on a table list");
        assertTrue(lockTablesOnly.found().endsWith("missing RELOAD on *.*"), lockTablesOnly.found());
        stack.source().execute("GRANT RELOAD ON *.* TO '" + user + "'@'%'");
        assertEquals(Status.PASS, CheckRuns.run(new SourcePrivilegesCheck(), CheckRuns.sourceAs(stack.source(), user, "pw", db), sink)
                .status());
    }

    @Test
    void aDestinationAccountFailsOnAMissingWritePrivilegeAndWarnsOnViewsAndRoutines() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        String db = CheckRuns.newDatabase(stack.source(), "priv_dst");
        String mapped = db + "_v2";
        String user = db + "_writer";
        stack.destination().execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'pw'",
                "GRANT SELECT, INSERT, UPDATE, CREATE, ALTER, DROP, INDEX ON " + mapped + ".* TO '" + user + "'@'%'",
                "GRANT ALL ON mysql_migrate.* TO '" + user + "'@'%'");
        var source = CheckRuns.source(stack.source(), db);
        String[] mapping = {MigrationSinkConfig.NAME_MAPPING, db + "=" + mapped};

        CheckResult failed = CheckRuns.run(new DestinationPrivilegesCheck(), source, CheckRuns.sinkAs(stack.destination(), user, "pw", mapping));
        assertEquals(Status.FAIL, failed.status());
        assertEquals("'" + user + "'@'%': missing DELETE, REFERENCES on `" + mapped + "`.*; and, not blocking, CREATE VIEW, CREATE ROUTINE, "
                + "TRIGGER, EVENT on `" + mapped + "`.*", failed.found(), "the mapped name is checked, and the state database; REFERENCES for the foreign keys");

        stack.destination().execute("GRANT DELETE, REFERENCES ON " + mapped + ".* TO '" + user + "'@'%'");
        CheckResult warned = CheckRuns.run(new DestinationPrivilegesCheck(), source, CheckRuns.sinkAs(stack.destination(), user, "pw", mapping));
        assertEquals(Status.WARN, warned.status());
        assertEquals("'" + user + "'@'%': missing CREATE VIEW, CREATE ROUTINE, TRIGGER, EVENT on `" + mapped + "`.*", warned.found());
        CheckRuns.applyFix(stack.destination(), warned.fix());
        CheckResult passed = CheckRuns.run(new DestinationPrivilegesCheck(), source, CheckRuns.sinkAs(stack.destination(), user, "pw", mapping));
        assertEquals(Status.PASS, passed.status(), passed.found());

        CheckResult unmapped = CheckRuns.run(new DestinationPrivilegesCheck(), source, CheckRuns.sinkAs(stack.destination(), user, "pw"));
        assertNotNull(unmapped);
        assertEquals(Status.FAIL, unmapped.status(), "without the mapping the sink writes " + db + ", where the account may do nothing");
    }
}
