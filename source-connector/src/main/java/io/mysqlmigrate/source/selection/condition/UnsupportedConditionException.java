package io.mysqlmigrate.source.selection.condition;

/** A row filter the stream side cannot evaluate exactly as the server would; refused before anything runs. */
public final class UnsupportedConditionException extends Exception {

    public UnsupportedConditionException(String message) {
        super(message);
    }
}
