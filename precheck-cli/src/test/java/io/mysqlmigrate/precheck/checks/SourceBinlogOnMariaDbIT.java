package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Status;
import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.ServerOptions;
import io.mysqlmigrate.stack.SharedStack;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The source's binary log settings and server id, and the destination's lower_case_table_names: each check fails or
 * warns on a server started (or configured) wrong for it, the statement or setting its fix text names is applied as
 * written, and the same check passes. The binary log and lower_case_table_names cases use private MariaDB servers;
 * the server id case changes the connector's configuration, as its fix says. The well configured shared pair passing
 * them all is PrecheckOnMariaDbIT#aWellConfiguredPairPassesEveryCheck.
 */
class SourceBinlogOnMariaDbIT {

    /** The fix's first statement, up to its ';' (what follows is advice for my.cnf, not SQL). */
    private static String firstStatement(String fix) {
        Matcher m = Pattern.compile("^SET GLOBAL [^;]+;").matcher(fix);
        assertTrue(m.find(), fix);
        return m.group();
    }

    private static CheckResult run(Check check, MariaDbServer source, String db, MariaDbServer destination) throws Exception {
        return CheckRuns.run(check, CheckRuns.source(source, db), CheckRuns.sink(destination));
    }

    @Test
    void aSourceWithoutBinaryLogFailsUntilRestartedWithTheLogItsFixNames() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        Path base = CheckRuns.scratchDir("precheck-binlog-off");
        ServerOptions options = ServerOptions.builder().name("nolog").baseDir(base).serverId(32).binlog(false).build();
        String db;
        String fix;
        try (MariaDbServer noLog = MariaDbServer.start(options)) {
            db = CheckRuns.newDatabase(noLog, "nolog");
            CheckResult failed = run(BinlogSettingCheck.enabled(), noLog, db, stack.destination());
            assertEquals(Status.FAIL, failed.status(), failed.found());
            assertEquals("log_bin = OFF", failed.found());
            fix = failed.fix();
        }
        // The fix is a my.cnf line and a restart: restart the same data directory with that option on the command line.
        Matcher setting = Pattern.compile("my\\.cnf: log_bin = ([\\w.-]+)").matcher(fix);
        assertTrue(setting.find(), fix);
        try (MariaDbServer restarted = MariaDbServer.start(options.extraArgs("--log-bin=" + setting.group(1)))) {
            CheckResult passed = run(BinlogSettingCheck.enabled(), restarted, db, stack.destination());
            assertEquals(Status.PASS, passed.status(), passed.found());
            assertEquals("log_bin = ON", passed.found());
        }
    }

    @Test
    void statementFormatMinimalImagesAndShortRetentionPassOnceTheirFixesAreRun() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        Path base = CheckRuns.scratchDir("precheck-binlog-settings");
        try (MariaDbServer bad = MariaDbServer.start(ServerOptions.builder().name("binlog-bad").baseDir(base).serverId(33)
                .extraArgs("--binlog-format=STATEMENT", "--binlog-row-image=MINIMAL", "--binlog-expire-logs-seconds=3600").build())) {
            String db = CheckRuns.newDatabase(bad, "binlog_bad");
            Map<Check, Status> expected = Map.of(BinlogSettingCheck.format(), Status.FAIL, BinlogSettingCheck.rowImage(), Status.FAIL,
                    new BinlogRetentionCheck(), Status.WARN);
            for (var e : expected.entrySet()) {
                CheckResult before = run(e.getKey(), bad, db, stack.destination());
                assertEquals(e.getValue(), before.status(), before.id() + ": " + before.found());
                CheckRuns.applyFix(bad, firstStatement(before.fix()));
                CheckResult after = run(e.getKey(), bad, db, stack.destination());
                assertEquals(Status.PASS, after.status(), after.id() + " after " + firstStatement(before.fix()) + ": " + after.found());
            }
            assertEquals("binlog_format = ROW", run(BinlogSettingCheck.format(), bad, db, stack.destination()).found());
            assertEquals("binlog_row_image = FULL", run(BinlogSettingCheck.rowImage(), bad, db, stack.destination()).found());
            assertEquals("binary logs kept 168 h", run(new BinlogRetentionCheck(), bad, db, stack.destination()).found());

            // Retention written the older way, in days (MariaDB keeps expire_logs_days in step with the seconds).
            bad.execute("SET GLOBAL expire_logs_days = 1");
            CheckResult oneDay = run(new BinlogRetentionCheck(), bad, db, stack.destination());
            assertEquals(Status.WARN, oneDay.status(), oneDay.found());
            assertEquals("binary logs kept 24 h", oneDay.found());
            CheckRuns.applyFix(bad, firstStatement(oneDay.fix()));
            assertEquals(Status.PASS, run(new BinlogRetentionCheck(), bad, db, stack.destination()).status());
        }
    }

    /**
     * server_id = 0 (the check's other FAIL) cannot be produced here: MariaDB 10.11 accepts server_id from 1 up and
     * turns 0 into 1. The failure it can have is the connector reading under the server's own id.
     */
    @Test
    void aConnectorReadingUnderTheSourcesOwnServerIdFailsUntilItsIdIsChanged() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        String db = CheckRuns.newDatabase(stack.source(), "server_id");
        String sourceId = Integer.toString(stack.source().serverId());
        CheckResult failed = CheckRuns.run(new ServerIdCheck(),
                CheckRuns.source(stack.source(), db, MigrationSourceConfig.SOURCE_SERVER_ID, sourceId), CheckRuns.sink(stack.destination()));
        assertEquals(Status.FAIL, failed.status(), failed.found());
        assertEquals("server_id = " + sourceId + ", the connector reads as replica " + sourceId, failed.found());
        assertTrue(failed.fix().contains(MigrationSourceConfig.SOURCE_SERVER_ID), failed.fix());

        String another = Integer.toString(stack.source().serverId() + 1000);
        CheckResult passed = CheckRuns.run(new ServerIdCheck(),
                CheckRuns.source(stack.source(), db, MigrationSourceConfig.SOURCE_SERVER_ID, another), CheckRuns.sink(stack.destination()));
        assertEquals(Status.PASS, passed.status(), passed.found());

        Path base = CheckRuns.scratchDir("precheck-server-id");
        try (MariaDbServer zero = MariaDbServer.start(ServerOptions.builder().name("server-id-zero").baseDir(base).serverId(36)
                .build())) {
            zero.execute("SET GLOBAL server_id = 0");
            CheckResult clamped = CheckRuns.run(new ServerIdCheck(), CheckRuns.source(zero, CheckRuns.newDatabase(zero, "zero")),
                    CheckRuns.sink(stack.destination()));
            assertEquals(Status.PASS, clamped.status(), clamped.found());
            assertTrue(clamped.found().startsWith("server_id = 1,"), "MariaDB stores server_id 0 as 1: " + clamped.found());
        }
    }

    @Test
    void aDestinationWithAnotherLowerCaseTableNamesFailsUntilReplacedByOneInitialisedAsTheFixSays() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        String db = CheckRuns.newDatabase(stack.source(), "lctn");
        Path base = CheckRuns.scratchDir("precheck-lctn");
        String fix;
        try (MariaDbServer folding = MariaDbServer.start(ServerOptions.builder().name("lctn1").baseDir(base).serverId(34)
                .extraArgs("--lower-case-table-names=1").build())) {
            CheckResult failed = run(new LowerCaseTableNamesCheck(), stack.source(), db, folding);
            assertEquals(Status.FAIL, failed.status(), failed.found());
            assertEquals("lower_case_table_names: source 0, destination 1", failed.found());
            fix = failed.fix();
        }
        // The setting cannot change on an existing data directory: the fix is a new destination initialised with it.
        Matcher value = Pattern.compile("lower_case_table_names = (\\d)").matcher(fix);
        assertTrue(value.find(), fix);
        try (MariaDbServer fresh = MariaDbServer.start(ServerOptions.builder().name("lctn-fixed").baseDir(base).serverId(35)
                .extraArgs("--lower-case-table-names=" + value.group(1)).build())) {
            CheckResult passed = run(new LowerCaseTableNamesCheck(), stack.source(), db, fresh);
            assertEquals(Status.PASS, passed.status(), passed.found());
        }
    }
}
