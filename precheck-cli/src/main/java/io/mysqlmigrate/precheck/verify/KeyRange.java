package io.mysqlmigrate.precheck.verify;

/**
 * A chunk of a table in primary key order: the keys after {@code lower} (exclusive) up to {@code upper} (inclusive);
 * a null bound is open, so the first and last chunks also cover keys one side has beyond the other's.
 */
public record KeyRange(RowKey lower, RowKey upper) {

    public static final KeyRange ALL = new KeyRange(null, null);

    @Override
    public String toString() {
        return "(" + (lower == null ? "-inf" : lower) + " .. " + (upper == null ? "+inf" : upper) + "]";
    }
}
