package io.mysqlmigrate.sink.ddl;

import java.sql.SQLException;

/** The fix for errors that a retry cannot cure; which errors are worth retrying is {@code retry.FailureClassifier}'s call. */
public final class SqlErrors {

    private SqlErrors() {
    }

    /**
     * The fix for a DDL statement the destination refuses for good, as it is set up: retrying changes nothing until an
     * operator changes the destination, so the sink stops at once. Null for any other error (connection losses, lock
     * waits and deadlocks stay retryable, see {@code retry.FailureClassifier}).
     */
    public static String neverApplicableDdl(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String fix = switch (sql.getErrorCode()) {
                    // ER_BINLOG_UNSAFE_ROUTINE: even SUPER does not help a function declared none of these
                    case 1418 -> "on the destination, run SET GLOBAL log_bin_trust_function_creators = 1 (and set it in the "
                            + "server's configuration): its binary log is on, and then a function declared none of DETERMINISTIC, "
                            + "NO SQL or READS SQL DATA can only be created with it on, whatever the account's privileges";
                    // ER_BINLOG_CREATE_ROUTINE_NEED_SUPER (functions and triggers)
                    case 1419 -> "on the destination, run SET GLOBAL log_bin_trust_function_creators = 1 (and set it in the "
                            + "server's configuration), or grant the sink's account SUPER: its binary log is on, and then only an "
                            + "account with SUPER can create functions and triggers unless that variable is on";
                    // ER_DBACCESS_DENIED_ERROR, ER_TABLEACCESS_DENIED_ERROR, ER_COLUMNACCESS_DENIED_ERROR,
                    // ER_SPECIFIC_ACCESS_DENIED_ERROR, ER_PROCACCESS_DENIED_ERROR
                    case 1044, 1142, 1143, 1227, 1370 -> "grant the sink's destination account the privilege the error names "
                            + "(CREATE, ALTER, DROP, CREATE VIEW, CREATE ROUTINE, ALTER ROUTINE, TRIGGER or EVENT on the database; "
                            + "SUPER where the server asks for it)";
                    // ER_PARSE_ERROR, ER_SYNTAX_ERROR, ER_NOT_SUPPORTED_YET: the same text fails the same way on every attempt
                    case 1064, 1149, 1235 -> "the destination's grammar refuses the statement as the sink sends it (in the "
                            + "object's own sql_mode when it has one): leave the object out of the migration's selection, or move "
                            + "the sink past this record (docs/OPERATIONS.md, \"Moving a failed sink past a record\") and create "
                            + "an equivalent on the destination by hand";
                    default -> null;
                };
                if (fix != null) {
                    return fix;
                }
            }
        }
        return null;
    }
}
