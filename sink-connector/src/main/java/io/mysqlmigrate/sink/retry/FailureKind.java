package io.mysqlmigrate.sink.retry;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/** The two kinds of failure DTS retries for different lengths of time. */
public enum FailureKind {
    /** The destination cannot be reached, or dropped the connection. */
    CONNECTION,
    /** Anything else: a statement the destination rejected, a deadlock, a lock wait timeout. */
    OTHER;

    /** Server gone away, connection lost, shutdown in progress, too many connections, connection killed. */
    private static final Set<Integer> CONNECTION_CODES = Set.of(2002, 2003, 2006, 2013, 1040, 1053, 1927, 4031);

    public static FailureKind of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException) {
                return CONNECTION;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ((state != null && state.startsWith("08")) || CONNECTION_CODES.contains(sql.getErrorCode())) {
                    return CONNECTION;
                }
            }
        }
        return OTHER;
    }
}
