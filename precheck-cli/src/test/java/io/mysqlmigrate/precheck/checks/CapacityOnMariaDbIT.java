package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Status;
import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.ServerOptions;
import io.mysqlmigrate.stack.SharedStack;
import java.sql.Connection;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Destination capacity against the shared source: the shared destination cannot tell its free space (no DISKS plugin),
 * so the check passes reporting the size; a private MariaDB destination with the DISKS plugin installed reports its free
 * space, measured on the file system of its data directory, to an account with FILE only. (A disk too small for the
 * data is a unit test.)
 */
class CapacityOnMariaDbIT {

    @Test
    void theSizeIsReportedAndFreeSpaceOnlyWhereTheServerCanMeasureIt() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        String db = CheckRuns.newDatabase(stack.source(), "capacity");
        stack.source().execute("CREATE TABLE " + db + ".rows_ (id INT PRIMARY KEY, pad CHAR(200))",
                "INSERT INTO " + db + ".rows_ SELECT seq, REPEAT('p', 200) FROM " + db + ".seq_1_to_20000", "ANALYZE TABLE " + db + ".rows_");
        long size;
        try (Connection c = stack.source().connect()) {
            size = Long.parseLong(CheckContext.rows(c, "SELECT SUM(DATA_LENGTH + INDEX_LENGTH) FROM information_schema.TABLES "
                    + "WHERE TABLE_SCHEMA = ?", db).get(0).get(0));
        }
        assertTrue(size > 4_000_000, "20000 rows of 200 bytes: " + size);
        String expectedSize = String.format(Locale.ROOT, "about %.1f MB (data and indexes of 2 selected table(s)", size / 1_000_000.0);
        var source = CheckRuns.source(stack.source(), db);

        CheckResult unmeasured = CheckRuns.run(new DestinationCapacityCheck(), source, CheckRuns.sink(stack.destination()));
        assertEquals(Status.PASS, unmeasured.status());
        assertTrue(unmeasured.found().contains(expectedSize), unmeasured.found());
        assertTrue(unmeasured.found().contains("cannot report its free disk space"), unmeasured.found());

        try (MariaDbServer destination = MariaDbServer.start(ServerOptions.builder().name("with-disks")
                .baseDir(CheckRuns.scratchDir("precheck-capacity")).serverId(61).build())) {
            destination.execute("INSTALL SONAME 'disks'");
            CheckResult measured = CheckRuns.run(new DestinationCapacityCheck(), source, CheckRuns.sink(destination));
            assertEquals(Status.PASS, measured.status(), measured.found());
            assertTrue(measured.found().matches(".*the destination's data directory has \\d+\\.\\d MB free on /.*"), measured.found());
            destination.execute("CREATE USER 'nofile'@'%' IDENTIFIED BY 'pw'", "GRANT SELECT ON *.* TO 'nofile'@'%'");
            CheckResult hidden = CheckRuns.run(new DestinationCapacityCheck(), source, CheckRuns.sinkAs(destination, "nofile", "pw"));
            assertEquals(Status.PASS, hidden.status());
            assertTrue(hidden.found().contains("cannot report its free disk space"), "DISKS lists nothing without FILE: " + hidden.found());
        }
        assertNull(CheckRuns.run(new DestinationCapacityCheck(), CheckRuns.source(stack.source(), db, MigrationSourceConfig.MIGRATION_TYPES,
                "schema,incremental"), CheckRuns.sink(stack.destination())), "nothing is copied without the full load");
    }
}
