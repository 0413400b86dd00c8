package io.mysqlmigrate.sink.event;

import io.mysqlmigrate.dialect.BinlogPosition;
import org.apache.kafka.connect.data.Struct;

/**
 * Where on the source an event comes from: binary log file and position, GTID when there is one, the source
 * time, whether the snapshot (full load) read it rather than the binary log, and the position the capture
 * resumes from after it ({@code resumeAt}, from the record header the source connector writes; null when the
 * topic was written by another producer).
 */
public record SourcePosition(String file, long pos, long row, String gtid, long tsMs, boolean snapshot, BinlogPosition resumeAt) {

    public static final SourcePosition UNKNOWN = new SourcePosition("", 0, 0, null, 0, false, null);

    static SourcePosition of(Struct source, BinlogPosition resumeAt) {
        if (source == null) {
            return UNKNOWN;
        }
        return new SourcePosition(stringOr(source, "file", ""), longOr(source, "pos"), longOr(source, "row"),
                stringOr(source, "gtid", null), longOr(source, "ts_ms"), isSnapshot(source), resumeAt);
    }

    @Override
    public String toString() {
        return file + ":" + pos + (row > 0 ? "#" + row : "") + (gtid != null ? " (gtid " + gtid + ")" : "");
    }

    /** Debezium marks snapshot reads with snapshot = true / first / last / ...; streamed events with false. */
    private static boolean isSnapshot(Struct source) {
        String s = stringOr(source, "snapshot", "false");
        return !s.equals("false") && !s.isEmpty();
    }

    private static String stringOr(Struct s, String field, String fallback) {
        return s.schema().field(field) == null || s.get(field) == null ? fallback : s.get(field).toString();
    }

    private static long longOr(Struct s, String field) {
        if (s.schema().field(field) == null || s.get(field) == null) {
            return 0;
        }
        return ((Number) s.get(field)).longValue();
    }
}
