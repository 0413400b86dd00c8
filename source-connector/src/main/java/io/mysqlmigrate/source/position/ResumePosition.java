package io.mysqlmigrate.source.position;

import java.util.List;

/**
 * The binary log position the capture resumes from, held against the binary logs the source still has, so a purged
 * position is told in terms of the migration and its recovery rather than as the reader's failure.
 */
public final class ResumePosition {

    private final StoredPosition stored;
    private final List<String> binaryLogs;
    private final String recoverySetting;

    /**
     * @param stored          the stored position, or null (first run, or a migration without incremental)
     * @param binaryLogs      the source's binary log files, oldest first; empty when unknown
     * @param recoverySetting the setting that chooses a fresh snapshot over a failure, named in the error
     */
    public ResumePosition(StoredPosition stored, List<String> binaryLogs, String recoverySetting) {
        this.stored = stored;
        this.binaryLogs = List.copyOf(binaryLogs);
        this.recoverySetting = recoverySetting;
    }

    /** True when the source no longer has the binary log the stored position is in. */
    public boolean purged() {
        return stored != null && stored.purgedFrom(binaryLogs);
    }

    public StoredPosition stored() {
        return stored;
    }

    /** The oldest binary log the source still has; only when {@link #purged()}. */
    public String oldestBinaryLog() {
        return binaryLogs.get(0);
    }

    /** The failure that stops the task at a purged position. */
    public LostPositionException lost() {
        return new LostPositionException(stored, binaryLogs, recoverySetting, null);
    }

    /** A failure to read a purged binary log, told as a lost position; any other failure unchanged. */
    public RuntimeException explain(RuntimeException e) {
        if (LostPositionException.isPurgedLogError(e)) {
            return new LostPositionException(stored, binaryLogs, recoverySetting, e);
        }
        return e;
    }
}
