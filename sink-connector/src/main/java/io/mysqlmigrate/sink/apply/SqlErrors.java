package io.mysqlmigrate.sink.apply;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/** Tells errors worth retrying (the connection went away, a deadlock) from errors that a retry cannot cure. */
public final class SqlErrors {

    /** Lock wait timeout, deadlock, server gone away, connection lost, server shutting down, too many connections. */
    private static final Set<Integer> TRANSIENT_CODES = Set.of(1205, 1213, 2006, 2013, 1053, 1040, 1927);

    private SqlErrors() {
    }

    public static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ((state != null && state.startsWith("08")) || TRANSIENT_CODES.contains(sql.getErrorCode())) {
                    return true;
                }
            }
        }
        return false;
    }
}
