package io.mysqlmigrate.precheck.cutover;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One row of {@code SHOW BINLOG EVENTS}: where the event starts, its type, and the server's description of it. */
public record BinlogEvent(String file, long pos, String type, String info) implements Comparable<BinlogEvent> {

    private static final Pattern TABLE_MAP = Pattern.compile("table_id: \\d+ \\((.+)\\)\\s*$");
    private static final Pattern USE = Pattern.compile("^use `((?:[^`]|``)+)`", Pattern.CASE_INSENSITIVE);
    /**
     * A statement that defines a view, routine, trigger or event (after the {@code use `db`; } prefix the server adds):
     * Debezium emits nothing for these, and the migration carries such objects outside the binary log stream (the source's
     * catalog watcher, the cutover), so the sink never records a position past them.
     */
    private static final Pattern OBJECT_DEFINITION = Pattern.compile("^(?:use `(?:[^`]|``)+`;\\s*)?(?:CREATE|ALTER|DROP)\\s+"
            + "(?:OR\\s+REPLACE\\s+)?(?:ALGORITHM\\s*=\\s*\\w+\\s+)?(?:DEFINER\\s*=\\s*\\S+\\s+)?(?:SQL\\s+SECURITY\\s+\\w+\\s+)?"
            + "(?:AGGREGATE\\s+)?(?:VIEW|PROCEDURE|FUNCTION|TRIGGER|EVENT)\\b", Pattern.CASE_INSENSITIVE);

    /** An event that opens a transaction (or a DDL statement): both flavours write one before each. */
    public boolean startsTransaction() {
        return "Gtid".equalsIgnoreCase(type) || "Anonymous_Gtid".equalsIgnoreCase(type);
    }

    /** For a table map event, the {@code database.table} it maps (as the server prints it); null otherwise. */
    public String mappedTable() {
        if (!"Table_map".equalsIgnoreCase(type) || info == null) {
            return null;
        }
        Matcher m = TABLE_MAP.matcher(info);
        return m.find() ? m.group(1) : null;
    }

    /** For a statement other than BEGIN/COMMIT (a DDL), the default database it ran in; null otherwise. */
    public String statementDatabase() {
        if (!"Query".equalsIgnoreCase(type) || info == null) {
            return null;
        }
        String text = info.trim();
        if (text.equalsIgnoreCase("BEGIN") || text.equalsIgnoreCase("COMMIT") || text.toUpperCase().startsWith("XA ")) {
            return null;
        }
        Matcher m = USE.matcher(text);
        return m.find() ? m.group(1).replace("``", "`") : null;
    }

    /** Whether this is a statement that defines a view, routine, trigger or event (see {@link #OBJECT_DEFINITION}). */
    public boolean definesObject() {
        return "Query".equalsIgnoreCase(type) && info != null && OBJECT_DEFINITION.matcher(info.trim()).find();
    }

    /** The numeric suffix of a binary log file name ({@code mysql-bin.000012} gives 12). */
    public static long fileIndex(String file) {
        int dot = file.lastIndexOf('.');
        try {
            return Long.parseLong(file.substring(dot + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public int compareTo(BinlogEvent o) {
        int c = Long.compare(fileIndex(file), fileIndex(o.file));
        return c != 0 ? c : Long.compare(pos, o.pos);
    }

    public boolean after(String otherFile, long otherPos) {
        int c = Long.compare(fileIndex(file), fileIndex(otherFile));
        return c > 0 || (c == 0 && pos > otherPos);
    }

    @Override
    public String toString() {
        return file + ":" + pos + " " + type + (info == null || info.isEmpty() ? "" : " (" + info + ")");
    }
}
