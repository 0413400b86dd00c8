package io.mysqlmigrate.precheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.dialect.Flavour;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Status;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.stack.DatabaseServer;
import io.mysqlmigrate.stack.SharedStack;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A database made with MySQL 9.7's defaults (utf8mb4_0900_ai_ci) checked against a MariaDB 10.11 destination, which
 * lacks that collation: real MySQL source, real MariaDB destination.
 */
class CollationMappingOnMySqlToMariaDbIT {

    @Test
    void mysqlsDefaultCollationFailsWithTheProposedMappingAndPassesOnceItIsSet() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        DatabaseServer source = stack.server(Flavour.MYSQL, SharedStack.Role.SOURCE);
        String db = CheckRuns.newDatabase(source, "mycoll");
        source.execute("CREATE TABLE " + db + ".names (id INT PRIMARY KEY, name VARCHAR(40) UNIQUE)");

        CheckResult failed = CheckRuns.run(new DestinationCollationsCheck(), CheckRuns.source(source, db),
                CheckRuns.sink(stack.destination()));
        assertEquals(Status.FAIL, failed.status(), failed.found());
        assertTrue(failed.found().startsWith("missing on the destination: utf8mb4_0900_ai_ci (database " + db + ", " + db + ".names"), failed.found());
        Matcher rule = Pattern.compile("\"collation.mapping\": \"([^\"]+)\"").matcher(failed.fix());
        assertTrue(rule.find(), failed.fix());
        assertEquals("utf8mb4_0900_ai_ci:utf8mb4_uca1400_nopad_ai_ci", rule.group(1));
        assertTrue(failed.fix().contains("same pad attribute (NO PAD)") && failed.fix().contains("UCA 14.0.0") && failed.fix().contains("--assess"), failed.fix());

        CheckResult passed = CheckRuns.run(new DestinationCollationsCheck(), CheckRuns.source(source, db),
                CheckRuns.sink(stack.destination(), MigrationSinkConfig.COLLATION_MAPPING, rule.group(1)));
        assertEquals(Status.PASS, passed.status(), passed.found());
        assertTrue(passed.found().contains("utf8mb4_0900_ai_ci -> utf8mb4_uca1400_nopad_ai_ci"), passed.found());
    }
}
