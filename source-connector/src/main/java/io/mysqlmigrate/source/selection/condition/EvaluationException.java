package io.mysqlmigrate.source.selection.condition;

/** A row filter met a value it cannot judge (a column gone from the table, a type it cannot compare). */
public final class EvaluationException extends RuntimeException {

    public EvaluationException(String message) {
        super(message);
    }
}
