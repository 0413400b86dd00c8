package io.mysqlmigrate.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What one corpus case showed after the migration: definitions, rows, counters, and how its columns travelled. */
record FidelityOutcome(FidelityCase fidelityCase, String pipelineError, String pipelineStage, boolean definitionsMatch, String sourceDefinition,
                       String destinationDefinition, boolean checksumsMatch, String checksumDetail, long sourceRows,
                       List<String> rowDifferences, AutoIncrement autoIncrement, Map<String, String> columnTypes) {

    /** AUTO_INCREMENT counters of both sides, after the snapshot and after the stream; null where there is none. */
    record AutoIncrement(Long sourceAfterSnapshot, Long destinationAfterSnapshot, Long sourceAfterStream,
                         Long destinationAfterStream) {

        boolean present() {
            return sourceAfterSnapshot != null || sourceAfterStream != null;
        }

        String describe() {
            return "after the snapshot " + sourceAfterSnapshot + " vs " + destinationAfterSnapshot + " ("
                    + same(sourceAfterSnapshot, destinationAfterSnapshot) + "), after the stream " + sourceAfterStream
                    + " vs " + destinationAfterStream + " (" + same(sourceAfterStream, destinationAfterStream) + ")";
        }

        private static String same(Long a, Long b) {
            return java.util.Objects.equals(a, b) ? "same" : "differs";
        }
    }

    /**
     * Whether the outcome says something about this case: the migration ran, or it stopped after it started in a
     * case that has its migration to itself (then the stop is this case's doing). A shared migration that stopped, or
     * one that never started, verified nothing.
     */
    boolean verified() {
        return pipelineError == null || fidelityCase.isolate() && !"start".equals(pipelineStage);
    }

    boolean roundTrips() {
        return pipelineError == null && definitionsMatch && checksumsMatch && rowDifferences.isEmpty();
    }

    /** Why it does not round-trip, one item per line; empty when it does. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (pipelineError != null) {
            problems.add("pipeline stopped during the " + pipelineStage + ": " + pipelineError);
        }
        if (!definitionsMatch) {
            problems.add("definitions differ:\n  source:      " + sourceDefinition + "\n  destination: " + destinationDefinition);
        }
        if (!checksumsMatch) {
            problems.add("table checksums differ: " + checksumDetail);
        }
        problems.addAll(rowDifferences);
        return problems;
    }
}
