package io.mysqlmigrate.sink.apply;

/**
 * How many rows a multi-row statement takes: its cap (rows, placeholders and bytes allowed), or else the largest
 * power of two that fits. A run of 37 rows is written as 32 + 4 + 1.
 *
 * <p>Why: statements are prepared on the server and cached per connection by their text, and a multi-row
 * statement's text depends on its row count. Taking any count made nearly every statement of a catch-up a new text
 * (a server round trip to prepare it, the server parsing it, a cache entry of thousands of bind values evicting
 * others). With these shapes a table has at most about a dozen texts per kind of write, all of them reused.
 */
final class StatementShapes {

    private StatementShapes() {
    }

    /** Rows for the next statement, given the rows left that could go into it ({@code available}) and the cap. */
    static int rows(int available, int cap) {
        if (available < 1 || cap < 1) {
            throw new IllegalArgumentException("available and cap must be positive: " + available + ", " + cap);
        }
        if (available >= cap) {
            return cap;
        }
        return Integer.highestOneBit(available);
    }
}
