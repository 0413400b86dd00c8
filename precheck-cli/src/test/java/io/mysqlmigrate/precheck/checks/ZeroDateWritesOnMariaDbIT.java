package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Status;
import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.ServerOptions;
import io.mysqlmigrate.stack.SharedStack;
import io.mysqlmigrate.stack.StackException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * source.sql_mode.zero_dates on a private MariaDB source left at MariaDB's default sql_mode (its global sql_mode is
 * changed by the fix, so not the shared source): it accepts zero dates, the check warns naming the DATE and DATETIME
 * columns of the selection, and the SET GLOBAL of its fix makes the server refuse them and the check pass.
 */
class ZeroDateWritesOnMariaDbIT {

    @Test
    void aSourceThatAcceptsZeroDatesWarnsUntilItsSqlModeRefusesThem() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        try (MariaDbServer source = MariaDbServer.start(ServerOptions.builder().name("zero-dates")
                .baseDir(CheckRuns.scratchDir("precheck-zero-dates")).serverId(71).build())) {
            String db = CheckRuns.newDatabase(source, "zd");
            source.execute("CREATE TABLE " + db + ".events (id INT PRIMARY KEY, d DATE, dt DATETIME(3) NOT NULL, ts TIMESTAMP NULL, "
                    + "y YEAR, dg DATE AS (d) VIRTUAL)");
            source.execute("INSERT INTO " + db + ".events (id, d, dt) VALUES (1, '0000-00-00', '2020-00-15 00:00:00')");
            var sink = CheckRuns.sink(stack.destination());
            var settings = CheckRuns.source(source, db);

            CheckResult warned = CheckRuns.run(new ZeroDateWritesCheck(), settings, sink);
            assertEquals(Status.WARN, warned.status(), warned.found());
            assertEquals("the source's sql_mode 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,"
                    + "NO_ENGINE_SUBSTITUTION' lacks NO_ZERO_DATE,NO_ZERO_IN_DATE, so zero dates can be written while the migration "
                    + "streams into 2 DATE/DATETIME column(s): " + db + ".events.d, " + db + ".events.dt", warned.found());
            assertNull(CheckRuns.run(new ZeroDateWritesCheck(), CheckRuns.source(source, db, MigrationSourceConfig.MIGRATION_TYPES,
                    "schema,full"), sink), "only what the stream writes matters here");
            CheckResult excluded = CheckRuns.run(new ZeroDateWritesCheck(), CheckRuns.source(source, db,
                    MigrationSourceConfig.COLUMNS_EXCLUDE, db + "\\.events\\.d," + db + "\\.events\\.dt"), sink);
            assertEquals(Status.PASS, excluded.status(), excluded.found());
            assertEquals("no DATE or DATETIME column in the selection", excluded.found());

            Matcher set = Pattern.compile("SET GLOBAL sql_mode = '[^']*'").matcher(warned.fix());
            assertTrue(set.find(), warned.fix());
            assertEquals("SET GLOBAL sql_mode = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,"
                    + "NO_ENGINE_SUBSTITUTION,NO_ZERO_DATE,NO_ZERO_IN_DATE'", set.group());
            source.execute(set.group());

            CheckResult fixed = CheckRuns.run(new ZeroDateWritesCheck(), settings, sink);
            assertEquals(Status.PASS, fixed.status(), fixed.found());
            StackException zero = assertThrows(StackException.class, () -> source.execute("INSERT INTO " + db
                    + ".events (id, d, dt) VALUES (2, '0000-00-00', '2020-01-01 00:00:00')"), "a new session now refuses a zero date");
            assertTrue(zero.getMessage().contains("Incorrect date value"), zero.getMessage());
            assertThrows(StackException.class, () -> source.execute("INSERT INTO " + db
                    + ".events (id, d, dt) VALUES (3, '2020-01-01', '2020-00-15 00:00:00')"), "and a zero month");
        }
    }
}
