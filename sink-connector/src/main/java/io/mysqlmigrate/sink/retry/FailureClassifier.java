package io.mysqlmigrate.sink.retry;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.apache.kafka.connect.errors.DataException;

/**
 * Decides, once for every failure of an apply attempt, what becomes of it. The task acts on the verdict alone:
 * <ul>
 *   <li>{@link Verdict#RETRY_CONNECTION}: the destination cannot be reached or dropped the connection (its error codes,
 *   SQL state class 08, the driver's recoverable exceptions). Retried within {@code retry.connection.minutes}.</li>
 *   <li>{@link Verdict#RETRY_OTHER}: lock wait timeouts and deadlocks, and whatever the destination may stop refusing
 *   once an operator acts (a missing table or column, a unique value a destination row holds, a privilege granted
 *   meanwhile for rows). Retried within {@code retry.other.minutes}.</li>
 *   <li>{@link Verdict#NEVER_APPLICABLE}: the record itself is at fault and no retry can change that: a record that is
 *   not a change event the sink reads, a value that cannot be converted, or a value the destination cannot hold in
 *   strict mode (data too long, out of range, incorrect value, NULL for a NOT NULL column, a CHECK constraint). Goes
 *   to the dead-letter queue when it names one record and Connect has one, else fails the task at once.</li>
 *   <li>{@link Verdict#STOP}: the configuration asks for a stop (a conflict policy, a DDL the destination refuses for
 *   good): fails the task at once.</li>
 * </ul>
 */
public final class FailureClassifier {

    /** What becomes of a failure. */
    public enum Verdict {
        RETRY_CONNECTION,
        RETRY_OTHER,
        NEVER_APPLICABLE,
        STOP;

        public boolean retryable() {
            return this == RETRY_CONNECTION || this == RETRY_OTHER;
        }
    }

    /**
     * Can't connect (2002, 2003), server gone away (2006), connection lost (2013), too many connections (1040), server
     * shutting down (1053), connection killed (1927), idle client disconnected (4031).
     */
    static final Set<Integer> CONNECTION_CODES = Set.of(2002, 2003, 2006, 2013, 1040, 1053, 1927, 4031);

    /** Lock wait timeout exceeded (1205), deadlock found (1213). */
    static final Set<Integer> LOCK_CODES = Set.of(1205, 1213);

    /**
     * Values the destination cannot hold, as strict mode reports them: column cannot be null (1048), NULL supplied to a NOT
     * NULL column (1263), out of range (1264), data truncated (1265), incorrect date/time value (1292), invalid character
     * string (1300), incorrect value for the column's type (1366), illegal double (1367), data too long (1406), not a
     * geometry (1416), BIGINT value out of range (1690), invalid JSON text (3140), CHECK constraint violated (3819 MySQL,
     * 4025 MariaDB), a string that cannot be converted to the column's character set (3988 MySQL).
     */
    static final Set<Integer> VALUE_CODES = Set.of(1048, 1263, 1264, 1265, 1292, 1300, 1366, 1367, 1406, 1416, 1690, 3140,
            3819, 3988, 4025);

    private FailureClassifier() {
    }

    public static Verdict classify(Throwable failure) {
        if (find(failure, PolicyStopException.class)) {
            return Verdict.STOP;
        }
        if (NeverApplicableRecordException.find(failure) != null) {
            return Verdict.NEVER_APPLICABLE;
        }
        if (isConnectionLoss(failure)) {
            return Verdict.RETRY_CONNECTION;
        }
        if (isLockConflict(failure)) {
            return Verdict.RETRY_OTHER;
        }
        if (isValueTheDestinationCannotHold(failure) || find(failure, DataException.class)) {
            return Verdict.NEVER_APPLICABLE;
        }
        return Verdict.RETRY_OTHER;
    }

    /** Whether the failure (or a cause) is a lost or refused connection to the destination. */
    public static boolean isConnectionLoss(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ((state != null && state.startsWith("08")) || CONNECTION_CODES.contains(sql.getErrorCode())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a statement failed only because of a passing condition: a lost connection, a lock wait or a deadlock. */
    public static boolean isTransient(Throwable failure) {
        return isConnectionLoss(failure) || isLockConflict(failure);
    }

    /** Whether a statement lost a lock conflict (a deadlock or a lock wait timeout): its transaction can run again. */
    public static boolean isLockConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql && LOCK_CODES.contains(sql.getErrorCode())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the destination refused a value it cannot hold (strict mode's errors), in the failure or a cause. */
    public static boolean isValueTheDestinationCannotHold(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SQLException sql && VALUE_CODES.contains(sql.getErrorCode())) {
                return true;
            }
        }
        return false;
    }

    private static boolean find(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        return t.getCause() == t ? null : t.getCause();
    }
}
