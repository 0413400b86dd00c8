package io.mysqlmigrate.localrun;

/** Options that do not fit together; the message names the option and the fix. Exit code 2. */
final class UsageException extends LocalRunException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
