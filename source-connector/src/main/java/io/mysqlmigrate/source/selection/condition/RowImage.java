package io.mysqlmigrate.source.selection.condition;

/** One row's values as a condition reads them, by column name (case-insensitive, as the server treats column names). */
public interface RowImage {

    /**
     * The column's value as a {@link SqlValues} value: null, BigDecimal, Double, {@link SqlValues.Text}, byte[],
     * LocalDate, LocalDateTime or {@link SqlValues.TimeOfDay}.
     *
     * @throws EvaluationException when the row has no such column
     */
    Object value(String column);
}
