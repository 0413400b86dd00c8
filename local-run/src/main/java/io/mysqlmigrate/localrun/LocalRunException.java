package io.mysqlmigrate.localrun;

/**
 * A failure the user can act on. The message names the cause and the fix; it is printed as it is, with a stack
 * trace only under {@code --verbose}.
 */
class LocalRunException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LocalRunException(String message) {
        super(message);
    }

    LocalRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
