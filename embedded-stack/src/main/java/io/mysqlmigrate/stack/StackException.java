package io.mysqlmigrate.stack;

/** A server of the stack could not be started, reached or stopped, or a statement run on it failed. */
public class StackException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
