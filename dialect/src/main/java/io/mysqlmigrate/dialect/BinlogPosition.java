package io.mysqlmigrate.dialect;

import java.util.Map;
import java.util.Objects;

/**
 * A point in a source's binary log as the capture resumes from it: file, position of the transaction's start,
 * events into the transaction, rows into the event, and the server whose log it is. Along one server's binary log
 * these only grow, so the sink can tell an event it has applied already (re-sent after the source restarted) from a
 * new one. Positions of two servers (after a failover) never compare: another server's log is numbered its own way.
 *
 * <p>The source connector writes it on every record as the header {@link #HEADER}; the sink reads it there.
 */
public record BinlogPosition(String file, long pos, long event, long row, String server) implements Comparable<BinlogPosition> {

    /** Kafka record header carrying {@link #format()}. */
    public static final String HEADER = "mysqlmigrate.binlog.position";

    public BinlogPosition {
        Objects.requireNonNull(file, "file");
    }

    /** From a Debezium binlog offset map ({@code file}, {@code pos}, {@code event}, {@code row}); null without one. */
    public static BinlogPosition fromOffset(Map<String, ?> offset, String server) {
        if (offset == null || !(offset.get("file") instanceof String file) || offset.get("pos") == null) {
            return null;
        }
        return new BinlogPosition(file, number(offset.get("pos")), number(offset.get("event")), number(offset.get("row")), server);
    }

    public static BinlogPosition parse(String written) {
        int at = written.lastIndexOf('@');
        String server = at < 0 ? null : written.substring(at + 1);
        String text = at < 0 ? written : written.substring(0, at);
        int d3 = text.lastIndexOf(':');
        int d2 = text.lastIndexOf(':', d3 - 1);
        int d1 = text.lastIndexOf(':', d2 - 1);
        if (d1 <= 0) {
            throw new IllegalArgumentException("Not a binlog position: '" + text + "'");
        }
        return new BinlogPosition(text.substring(0, d1), Long.parseLong(text.substring(d1 + 1, d2)),
                Long.parseLong(text.substring(d2 + 1, d3)), Long.parseLong(text.substring(d3 + 1)), server);
    }

    public String format() {
        return file + ":" + pos + ":" + event + ":" + row + (server == null ? "" : "@" + server);
    }

    /**
     * Whether the two lie on the same binary log of the same server, so that comparing them means something. A
     * position without a known server compares with nothing: skipping by it could drop new changes.
     */
    public boolean sameLogAs(BinlogPosition other) {
        return server != null && server.equals(other.server) && baseName(file).equals(baseName(other.file));
    }

    @Override
    public int compareTo(BinlogPosition o) {
        int c = Long.compare(fileIndex(file), fileIndex(o.file));
        if (c == 0) {
            c = Long.compare(pos, o.pos);
        }
        if (c == 0) {
            c = Long.compare(event, o.event);
        }
        return c != 0 ? c : Long.compare(row, o.row);
    }

    private static String baseName(String file) {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? file : file.substring(0, dot);
    }

    private static long fileIndex(String file) {
        int dot = file.lastIndexOf('.');
        try {
            return dot < 0 ? 0 : Long.parseLong(file.substring(dot + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long number(Object o) {
        return o == null ? 0 : o instanceof Number n ? n.longValue() : Long.parseLong(o.toString());
    }

    @Override
    public String toString() {
        return format();
    }
}
