package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Status;
import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.ServerOptions;
import io.mysqlmigrate.stack.SharedStack;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A source that is itself a replica: a private MariaDB made a replica of the shared source (CHANGE MASTER TO, START
 * SLAVE), first without log_slave_updates, then restarted with it. The shared source, no replica, passes.
 */
class ReplicaSourceOnMariaDbIT {

    @Test
    void aReplicaWithoutLogSlaveUpdatesFailsUntilRestartedWithIt() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        Path base = CheckRuns.scratchDir("precheck-replica");
        ServerOptions options = ServerOptions.builder().name("replica").baseDir(base).serverId(21)
                .extraArgs("--log-slave-updates=OFF").build();
        String db;
        try (MariaDbServer replica = MariaDbServer.start(options)) {
            db = CheckRuns.newDatabase(replica, "replica_src");
            replica.execute("CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = " + stack.source().port()
                    + ", MASTER_USER = 'migrate', MASTER_PASSWORD = 'migrate', MASTER_USE_GTID = slave_pos", "START SLAVE");
            CheckResult failed = CheckRuns.run(new ReplicaLogUpdatesCheck(), CheckRuns.source(replica, db),
                    CheckRuns.sink(stack.destination()));
            assertEquals(Status.FAIL, failed.status(), failed.found());
            assertTrue(failed.found().contains("127.0.0.1:" + stack.source().port()), failed.found());
            assertTrue(failed.found().contains("log_slave_updates = OFF"), failed.found());
            assertTrue(failed.fix().contains("log_slave_updates = ON"), failed.fix());

            String monitorless = db + "_nomon";
            replica.execute("CREATE USER '" + monitorless + "'@'%' IDENTIFIED BY 'pw'", "GRANT SELECT ON *.* TO '" + monitorless + "'@'%'");
            CheckResult blind = CheckRuns.run(new ReplicaLogUpdatesCheck(), CheckRuns.sourceAs(replica, monitorless, "pw", db),
                    CheckRuns.sink(stack.destination()));
            assertEquals(Status.WARN, blind.status(), "an account that may not look at replication cannot tell: " + blind.found());
            CheckRuns.applyFix(replica, blind.fix());
            assertEquals(Status.FAIL, CheckRuns.run(new ReplicaLogUpdatesCheck(),
                    CheckRuns.sourceAs(replica, monitorless, "pw", db), CheckRuns.sink(stack.destination())).status());
        }
        try (MariaDbServer restarted = MariaDbServer.start(options.extraArgs("--log-slave-updates=ON"))) {
            CheckResult passed = CheckRuns.run(new ReplicaLogUpdatesCheck(), CheckRuns.source(restarted, db),
                    CheckRuns.sink(stack.destination()));
            assertEquals(Status.PASS, passed.status(), passed.found());
            assertTrue(passed.found().contains("log_slave_updates = ON"), passed.found());

            CheckResult gtid = CheckRuns.run(new GtidModeCheck(), CheckRuns.source(restarted, db), CheckRuns.sink(stack.destination()));
            assertEquals(Status.PASS, gtid.status());
            assertTrue(gtid.found().contains("gtid_strict_mode = OFF"), gtid.found());
            restarted.execute("SET GLOBAL gtid_strict_mode = ON");
            assertTrue(CheckRuns.run(new GtidModeCheck(), CheckRuns.source(restarted, db), CheckRuns.sink(stack.destination()))
                    .found().contains("gtid_strict_mode = ON"), "the found text reports the current value");
        }
        CheckResult notReplica = CheckRuns.run(new ReplicaLogUpdatesCheck(),
                CheckRuns.source(stack.source(), CheckRuns.newDatabase(stack.source(), "replica_none")), CheckRuns.sink(stack.destination()));
        assertEquals(Status.PASS, notReplica.status());
        assertTrue(notReplica.found().contains("not a replica"), notReplica.found());
    }

    @Test
    void gtidModeIsInformationalAndOnlyForIncrementalMigrations() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        String db = CheckRuns.newDatabase(stack.source(), "gtid_info");
        CheckResult info = CheckRuns.run(new GtidModeCheck(), CheckRuns.source(stack.source(), db), CheckRuns.sink(stack.destination()));
        assertEquals(Status.PASS, info.status());
        assertTrue(info.found().matches(".*gtid_binlog_pos = '0-1-\\d+'.*"), info.found());
        assertEquals(null, CheckRuns.run(new GtidModeCheck(), CheckRuns.source(stack.source(), db, MigrationSourceConfig.MIGRATION_TYPES, "schema,full"),
                CheckRuns.sink(stack.destination())), "schema,full reads no binary log");
    }
}
