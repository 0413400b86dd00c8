package io.mysqlmigrate.precheck.verify;

import java.util.List;

/**
 * How one table compared. Row counts are summed over the chunks, each taken at its own moment, so during a running
 * migration they are a close estimate rather than a snapshot. The lists of keys are those still different after the
 * re-checks; {@code repair} holds the statements that fix them (empty unless asked for).
 */
public record TableResult(TablePair pair, Outcome outcome, long sourceRows, long destinationRows, int chunks,
                          List<RowKey> missing, List<RowKey> extra, List<RowKey> different, String note, long millis,
                          List<String> repair) {

    public enum Outcome {
        IDENTICAL, DIFFERENT, MISSING_ON_DESTINATION, NOT_COMPARABLE,
        /** Reading a side failed: nothing is known about the table. */
        FAILED;

        public boolean isDifference() {
            return this == DIFFERENT || this == MISSING_ON_DESTINATION || this == NOT_COMPARABLE;
        }
    }

    public static TableResult notCompared(TablePair pair, Outcome outcome, long sourceRows, String note, long millis) {
        return new TableResult(pair, outcome, sourceRows, 0, 0, List.of(), List.of(), List.of(), note, millis, List.of());
    }

    /** One line for people. */
    public String summary() {
        String name = pair.sourceName() + (pair.sourceName().equals(pair.destinationName()) ? "" : " -> " + pair.destinationName());
        return switch (outcome) {
            case IDENTICAL -> name + ": identical (" + io.mysqlmigrate.precheck.Words.count(sourceRows, "row", "rows") + ", "
                    + io.mysqlmigrate.precheck.Words.count(chunks, "chunk", "chunks") + ")";
            case DIFFERENT -> name + ": " + missing.size() + " missing, " + extra.size() + " extra, " + different.size()
                    + " different (" + sourceRows + " source rows, " + destinationRows + " destination rows)"
                    + (note == null ? "" : "; " + note);
            case MISSING_ON_DESTINATION -> name + ": missing on the destination (" + sourceRows + " source rows)";
            case NOT_COMPARABLE -> name + ": cannot be compared: " + note;
            case FAILED -> name + ": could not be verified: " + note;
        };
    }
}
