package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Status;
import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.ServerOptions;
import io.mysqlmigrate.stack.SharedStack;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * sql_mode and time_zone differences: the shared source (MariaDB's default sql_mode, time_zone SYSTEM) against a
 * private MariaDB destination started with another sql_mode and a +02:00 time zone. Each warns naming the difference,
 * and the SET GLOBAL its fix starts with makes it pass.
 */
class ServerSettingsOnMariaDbIT {

    private static String firstStatement(String fix) {
        Matcher m = Pattern.compile("^SET GLOBAL [^;]+;").matcher(fix);
        assertTrue(m.find(), fix);
        return m.group();
    }

    @Test
    void aDestinationWithAnotherSqlModeAndTimeZoneWarnsUntilSetLikeTheSource() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        String db = CheckRuns.newDatabase(stack.source(), "settings");
        Path base = CheckRuns.scratchDir("precheck-settings");
        try (MariaDbServer destination = MariaDbServer.start(ServerOptions.builder().name("other-settings").baseDir(base)
                .serverId(41).extraArgs("--sql-mode=ANSI_QUOTES,STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION",
                        "--default-time-zone=+02:00").build())) {
            var source = CheckRuns.source(stack.source(), db);
            var sink = CheckRuns.sink(destination);

            CheckResult sqlMode = CheckRuns.run(new SqlModeCheck(), source, sink);
            assertEquals(Status.WARN, sqlMode.status(), sqlMode.found());
            assertEquals("sql_mode differs: only the source has ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER, only the "
                    + "destination has ANSI_QUOTES", sqlMode.found());
            CheckResult timeZone = CheckRuns.run(new TimeZoneCheck(), source, sink);
            assertEquals(Status.WARN, timeZone.status(), timeZone.found());
            assertTrue(timeZone.found().matches("time_zone: source SYSTEM \\(.+\\), destination \\+02:00"), timeZone.found());

            CheckRuns.applyFix(destination, firstStatement(sqlMode.fix()));
            CheckRuns.applyFix(destination, firstStatement(timeZone.fix()));
            CheckResult sqlModeAfter = CheckRuns.run(new SqlModeCheck(), source, sink);
            assertEquals(Status.PASS, sqlModeAfter.status(), sqlModeAfter.found());
            CheckResult timeZoneAfter = CheckRuns.run(new TimeZoneCheck(), source, sink);
            assertEquals(Status.PASS, timeZoneAfter.status(), timeZoneAfter.found());
        }
    }
}
