package io.mysqlmigrate.sink.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.sink.retry.FailureClassifier.Verdict;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {

    private static SQLException error(int code, String state) {
        return new SQLException("error " + code, state, code);
    }

    @Test
    void lostConnectionsAreRetriedInTheConnectionWindow() {
        for (int code : new int[] {2002, 2003, 2006, 2013, 1040, 1053, 1927, 4031}) {
            assertEquals(Verdict.RETRY_CONNECTION, FailureClassifier.classify(error(code, "HY000")), "code " + code);
        }
        assertEquals(Verdict.RETRY_CONNECTION, FailureClassifier.classify(new SQLNonTransientConnectionException("refused", "08001")));
        assertEquals(Verdict.RETRY_CONNECTION, FailureClassifier.classify(new ApplyException("wrapped", error(2013, "HY000"))),
                "found among the causes");
    }

    @Test
    void lockWaitsAndDeadlocksAreRetriedInTheOtherWindow() {
        assertEquals(Verdict.RETRY_OTHER, FailureClassifier.classify(error(1205, "HY000")));
        assertEquals(Verdict.RETRY_OTHER, FailureClassifier.classify(error(1213, "40001")));
        assertEquals(Verdict.RETRY_OTHER, FailureClassifier.classify(new SQLTransactionRollbackException("deadlock", "40001")));
        assertTrue(FailureClassifier.isTransient(error(1213, "40001")));
        assertFalse(FailureClassifier.isTransient(error(1406, "22001")));
    }

    @Test
    void whatAnOperatorCanFixOnTheDestinationStaysRetryable() {
        assertEquals(Verdict.RETRY_OTHER, FailureClassifier.classify(new ApplyException("rejected", error(1146, "42S02"))),
                "a missing table, created meanwhile");
        assertEquals(Verdict.RETRY_OTHER, FailureClassifier.classify(new ApplyException("rejected", error(1054, "42S22"))),
                "an unknown column");
        assertEquals(Verdict.RETRY_OTHER, FailureClassifier.classify(new ApplyException("rejected", error(1062, "23000"))),
                "a unique value a destination row holds");
        assertEquals(Verdict.RETRY_OTHER, FailureClassifier.classify(new RetriableException("interrupted while throttled")));
    }

    @Test
    void valuesTheDestinationCannotHoldNeverApply() {
        for (int code : new int[] {1048, 1263, 1264, 1265, 1292, 1300, 1366, 1367, 1406, 1416, 1690, 3140, 3819, 3988, 4025}) {
            assertEquals(Verdict.NEVER_APPLICABLE, FailureClassifier.classify(new ApplyException("rejected", error(code, "22001"))),
                    "code " + code);
        }
        assertEquals(Verdict.NEVER_APPLICABLE, FailureClassifier.classify(new SQLDataException("Data too long for column 'v' at row 1",
                "22001", 1406)));
    }

    @Test
    void recordsOfTheWrongShapeOrWithUnconvertibleValuesNeverApply() {
        assertEquals(Verdict.NEVER_APPLICABLE, FailureClassifier.classify(
                new NeverApplicableRecordException(7, "not a change event", null)));
        assertEquals(Verdict.NEVER_APPLICABLE, FailureClassifier.classify(new RuntimeException("wrapped",
                new NeverApplicableRecordException(7, "not a change event", new DataException("before is not a valid field name")))));
        assertEquals(Verdict.NEVER_APPLICABLE, FailureClassifier.classify(new DataException("before is not a valid field name")),
                "a shape error the applier did not pin still never applies");
    }

    @Test
    void aNeverApplicableRecordIsNeverTakenForAConnectionLoss() {
        assertEquals(Verdict.NEVER_APPLICABLE, FailureClassifier.classify(
                new NeverApplicableRecordException(3, "too long", error(1406, "22001"))));
    }

    @Test
    void aPolicyStopStopsWhateverItWraps() {
        assertEquals(Verdict.STOP, FailureClassifier.classify(new PolicyStopException("conflict policy fail", error(1062, "23000"))));
        assertEquals(Verdict.STOP, FailureClassifier.classify(new PolicyStopException("privilege", error(1142, "42000"))));
    }

    @Test
    void onlyRetryVerdictsAreRetryable() {
        assertTrue(Verdict.RETRY_CONNECTION.retryable());
        assertTrue(Verdict.RETRY_OTHER.retryable());
        assertFalse(Verdict.NEVER_APPLICABLE.retryable());
        assertFalse(Verdict.STOP.retryable());
    }

    @Test
    void theRetryWindowOfAFailureFollowsTheClassifier() {
        assertEquals(FailureKind.CONNECTION, FailureKind.of(error(2002, "HY000")));
        assertEquals(FailureKind.OTHER, FailureKind.of(error(1205, "HY000")));
    }
}
