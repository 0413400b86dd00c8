package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Status;
import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.ServerOptions;
import io.mysqlmigrate.stack.SharedStack;
import org.junit.jupiter.api.Test;

/**
 * max_allowed_packet against the largest row: a 3 MB LONGBLOB row on the shared source, a private MariaDB destination
 * started with a 1 MB packet. The fix's SET GLOBAL makes it pass; a table over the scan cap is reported as not measured.
 */
class MaxAllowedPacketOnMariaDbIT {

    @Test
    void aRowLongerThanTheDestinationsPacketFailsUntilThePacketIsRaised() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        String db = CheckRuns.newDatabase(stack.source(), "packet");
        stack.source().execute("CREATE TABLE " + db + ".files (id INT PRIMARY KEY, name VARCHAR(100), body LONGBLOB, note TEXT)",
                "INSERT INTO " + db + ".files VALUES (1, 'big', REPEAT('x', 3000000), 'abc'), (2, 'small', 'y', NULL)");
        try (MariaDbServer destination = MariaDbServer.start(ServerOptions.builder().name("small-packet")
                .baseDir(CheckRuns.scratchDir("precheck-packet")).serverId(51).extraArgs("--max-allowed-packet=1M").build())) {
            var source = CheckRuns.source(stack.source(), db);
            var sink = CheckRuns.sink(destination);
            CheckResult failed = CheckRuns.run(new MaxAllowedPacketCheck(), source, sink);
            assertEquals(Status.FAIL, failed.status(), failed.found());
            // INT as its longest text (precision 10 + 2 = 12) + VARCHAR(100) in utf8mb4 (400) + 3,000,003 measured LOB bytes
            assertEquals("largest row about 3000415 bytes (" + db + ".files), destination max_allowed_packet = 1048576", failed.found());
            assertTrue(failed.fix().startsWith("SET GLOBAL max_allowed_packet = 7340032;"), failed.fix());

            CheckRuns.applyFix(destination, failed.fix().substring(0, failed.fix().indexOf(';') + 1));
            CheckResult passed = CheckRuns.run(new MaxAllowedPacketCheck(), source, sink);
            assertEquals(Status.PASS, passed.status(), passed.found());

            CheckResult unmeasured = CheckRuns.run(new MaxAllowedPacketCheck(0), source, sink);
            assertEquals(Status.WARN, unmeasured.status(), unmeasured.found());
            assertTrue(unmeasured.found().endsWith("not measured (over 0 MiB or past 0 MiB of scans, with BLOB/TEXT/JSON columns that may hold more "
                    + "than half the packet): " + db + ".files"), unmeasured.found());
            assertTrue(unmeasured.found().contains("(" + db + ".t)"), "t's TEXT column is bounded by 64 KB: " + unmeasured.found());
        }
    }
}
