package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Status;
import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.ServerOptions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * destination.routine_creation against a private MariaDB destination writing a binary log (its global
 * log_bin_trust_function_creators is changed by the fix, so not the shared destination, which has none), a private
 * source without one (where a function declared none of DETERMINISTIC, NO SQL, READS SQL DATA can exist), and an account
 * without SUPER: the check fails naming the source's functions and triggers, the fix's SET GLOBAL makes it pass, and
 * a function created as the sink creates it then really is accepted.
 */
class RoutineCreationOnMariaDbIT {

    @Test
    void aBinaryLoggingDestinationWithoutSuperFailsNamingTheFunctionsAndTriggersUntilTrustIsOn() throws Exception {
        // A source of its own without a binary log: the shared source's log would refuse f_any itself.
        try (MariaDbServer sourceServer = MariaDbServer.start(ServerOptions.builder().name("routine-source")
                .baseDir(CheckRuns.scratchDir("precheck-routine-source")).serverId(73).binlog(false).build());
             MariaDbServer destination = MariaDbServer.start(ServerOptions.builder().name("routine-creation")
                .baseDir(CheckRuns.scratchDir("precheck-routine-creation")).serverId(72).binlog(true).build())) {
            String db = CheckRuns.newDatabase(sourceServer, "rc");
            sourceServer.execute("USE " + db,
                    "CREATE FUNCTION f_det(x INT) RETURNS INT DETERMINISTIC RETURN x * 2",
                    "CREATE FUNCTION f_any(x INT) RETURNS INT RETURN x + 1",
                    "CREATE PROCEDURE p_one() SELECT 1",
                    "CREATE TRIGGER tr_t BEFORE INSERT ON t FOR EACH ROW SET NEW.v = 'x'");
            String user = "rc_writer";
            destination.execute("CREATE DATABASE " + db, "CREATE USER '" + user + "'@'%' IDENTIFIED BY 'pw'", "GRANT ALL ON " + db + ".* TO '" + user + "'@'%'");
            var source = CheckRuns.source(sourceServer, db);
            var sink = CheckRuns.sinkAs(destination, user, "pw");

            CheckResult failed = CheckRuns.run(new DestinationRoutineCreationCheck(), source, sink);
            assertEquals(Status.FAIL, failed.status(), failed.found());
            assertEquals("the destination writes a binary log with log_bin_trust_function_creators OFF and '" + user + "'@'%' lacks "
                    + "SUPER, so it refuses to create 3 of the source's functions and triggers: " + db + ".f_any (function), " + db
                    + ".f_det (function), " + db + ".tr_t (trigger)", failed.found(), "procedures are not concerned");
            assertTrue(failed.fix().contains("GRANT SUPER ON *.* TO '" + user + "'@'%'"), failed.fix());

            assertNull(CheckRuns.run(new DestinationRoutineCreationCheck(), CheckRuns.source(sourceServer, db,
                    MigrationSourceConfig.MIGRATION_TYPES, "full,incremental"), sink), "only a schema migration creates them");
            CheckResult tables = CheckRuns.run(new DestinationRoutineCreationCheck(), CheckRuns.source(sourceServer, db,
                    MigrationSourceConfig.TABLES_INCLUDE, db + "\\.t"), sink);
            assertEquals(Status.PASS, tables.status(), "a selection of tables migrates no routines: " + tables.found());

            destination.execute("GRANT SUPER ON *.* TO '" + user + "'@'%'");
            CheckResult withSuper = CheckRuns.run(new DestinationRoutineCreationCheck(), source, sink);
            assertEquals(Status.FAIL, withSuper.status(), withSuper.found());
            assertTrue(withSuper.found().endsWith("refuses to create 1 of the source's functions and triggers: " + db + ".f_any (function)"),
                    "SUPER does not lift the rule for a function declared none of DETERMINISTIC, NO SQL, READS SQL DATA: "
                            + withSuper.found());

            Matcher set = Pattern.compile("SET GLOBAL log_bin_trust_function_creators = 1").matcher(failed.fix());
            assertTrue(set.find(), failed.fix());
            destination.execute(set.group());
            CheckResult fixed = CheckRuns.run(new DestinationRoutineCreationCheck(), source, sink);
            assertEquals(Status.PASS, fixed.status(), fixed.found());
            destination.execute("REVOKE SUPER ON *.* FROM '" + user + "'@'%'");
            try (var c = java.sql.DriverManager.getConnection(destination.jdbcUrl(db), user, "pw"); var st = c.createStatement()) {
                st.execute("CREATE FUNCTION f_any(x INT) RETURNS INT RETURN x + 1"); // what the check promised now works
            }
        }
    }
}
