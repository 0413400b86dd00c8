package io.mysqlmigrate.source.position;

import java.util.List;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * The source purged the binary log the migration was to resume from. Continuing from any later position would
 * leave a gap no one sees, so the task stops and says how to recover.
 */
public final class LostPositionException extends ConnectException {

    public LostPositionException(StoredPosition position, List<String> binaryLogs, String switchName, Throwable cause) {
        super(message(position, binaryLogs, switchName), cause);
    }

    static String message(StoredPosition position, List<String> binaryLogs, String switchName) {
        String oldest = binaryLogs.isEmpty() ? "" : " (its oldest binary log is now " + binaryLogs.get(0) + ")";
        return "The binary log position this migration resumes from, " + (position == null ? "(unknown)" : position)
                + ", has been purged from the source" + oldest + ". The changes since then cannot be read, and continuing "
                + "would leave a silent gap. To recover, snapshot the source again: set " + switchName + "=snapshot and restart "
                + "the connector (use the sink's 'overwrite' full-load conflict policy so the fresh rows replace the old "
                + "ones, and run verify afterwards: rows deleted on the source during the gap stay on the destination until "
                + "removed). To keep this from recurring, keep binary logs longer (binlog_expire_logs_seconds, at least 7 days).";
    }

    /** True when the failure is the server refusing to send a purged binary log (error 1236 and its messages). */
    public static boolean isPurgedLogError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && (m.contains("1236") || m.contains("Could not find first log file name in binary log index")
                    || m.contains("purged binary logs") || m.contains("no longer available on the server")
                    || m.contains("Could not find GTID state requested by slave in any binlog"))) {
                return true;
            }
        }
        return false;
    }
}
