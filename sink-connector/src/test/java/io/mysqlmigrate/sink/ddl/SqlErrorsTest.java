package io.mysqlmigrate.sink.ddl;

import io.mysqlmigrate.sink.retry.FailureClassifier;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {

    private static SQLException error(int code, String state) {
        return new SQLException("error " + code, state, code);
    }

    @Test
    void theBinaryLogRulesForFunctionsAndMissingPrivilegesCanNeverBeRetriedAway() {
        String unsafe = SqlErrors.neverApplicableDdl(error(1418, "HY000"));
        assertTrue(unsafe.contains("SET GLOBAL log_bin_trust_function_creators = 1") && !unsafe.contains("grant"),
                "SUPER does not help a function declared none of DETERMINISTIC, NO SQL, READS SQL DATA: " + unsafe);
        String needSuper = SqlErrors.neverApplicableDdl(error(1419, "HY000"));
        assertTrue(needSuper.contains("log_bin_trust_function_creators") && needSuper.contains("SUPER"), needSuper);
        for (int denied : new int[] {1044, 1142, 1143, 1227, 1370}) {
            assertNotNull(SqlErrors.neverApplicableDdl(error(denied, "42000")), "access denied " + denied);
        }
        assertNotNull(SqlErrors.neverApplicableDdl(new RuntimeException("wrapped", error(1419, "HY000"))), "found in the causes");
    }

    @Test
    void aStatementTheDestinationCannotParseFailsTheSameWayOnEveryAttempt() {
        for (int grammar : new int[] {1064, 1149, 1235}) {
            String fix = SqlErrors.neverApplicableDdl(error(grammar, "42000"));
            assertNotNull(fix, "grammar " + grammar);
            assertTrue(fix.contains("Moving a failed sink past a record"), fix);
        }
    }

    @Test
    void connectionLossesLockWaitsAndOtherErrorsAreNot() {
        for (int retryable : new int[] {1205, 1213, 2006, 2013, 1053, 1040}) {
            assertNull(SqlErrors.neverApplicableDdl(error(retryable, "HY000")), "retryable " + retryable);
        }
        assertNull(SqlErrors.neverApplicableDdl(error(1146, "42S02")), "a missing table an operator may create meanwhile");
        assertFalse(FailureClassifier.isTransient(error(1418, "HY000")));
    }
}
