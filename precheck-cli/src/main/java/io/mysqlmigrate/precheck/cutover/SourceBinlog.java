package io.mysqlmigrate.precheck.cutover;

import io.mysqlmigrate.dialect.ServerVersion;
import io.mysqlmigrate.dialect.SqlDialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads the source's binary log through SQL: its current end, and the events between two positions. */
public final class SourceBinlog {

    /** Events read per statement. */
    static final int PAGE = 5000;

    /** A point in the binary log: file and byte position. */
    public record Position(String file, long pos) {
        @Override
        public String toString() {
            return file + ":" + pos;
        }
    }

    private SourceBinlog() {
    }

    /** Where the binary log ends now. */
    public static Position end(Connection source) throws SQLException {
        String sql = SqlDialect.of(ServerVersion.detect(source)).showBinaryLogStatus();
        try (Statement st = source.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                throw new SQLException("The source has no binary log (" + sql + " returned nothing)");
            }
            return new Position(rs.getString(1), rs.getLong(2));
        }
    }

    /** The events from {@code from} (its file's start when null) up to, not including, {@code end}. */
    public static List<BinlogEvent> events(Connection source, Position from, Position end) throws SQLException {
        List<String> files = new ArrayList<>();
        try (Statement st = source.createStatement(); ResultSet rs = st.executeQuery("SHOW BINARY LOGS")) {
            while (rs.next()) {
                files.add(rs.getString(1));
            }
        }
        List<BinlogEvent> events = new ArrayList<>();
        long endIndex = BinlogEvent.fileIndex(end.file());
        for (String file : files) {
            long index = BinlogEvent.fileIndex(file);
            if ((from != null && index < BinlogEvent.fileIndex(from.file())) || index > endIndex) {
                continue;
            }
            long start = from != null && file.equals(from.file()) ? from.pos() : 4;
            if (!read(source, file, start, end, events) && start != 4) {
                read(source, file, 4, end, events); // the start was not an event boundary: read the whole file
            }
        }
        return events;
    }

    /** Reads one file's events from a position; false when the server refuses that position. */
    private static boolean read(Connection source, String file, long start, Position end, List<BinlogEvent> out) throws SQLException {
        int before = out.size();
        long offset = 0;
        while (true) {
            int read = 0;
            String sql = "SHOW BINLOG EVENTS IN '" + file.replace("'", "''") + "' FROM " + start + " LIMIT " + offset + ", " + PAGE;
            try (Statement st = source.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    read++;
                    BinlogEvent e = new BinlogEvent(rs.getString("Log_name"), rs.getLong("Pos"), rs.getString("Event_type"),
                            rs.getString("Info"));
                    if (file.equals(end.file()) && e.pos() >= end.pos()) {
                        return true;
                    }
                    out.add(e);
                }
            } catch (SQLException e) {
                if (out.size() == before && start != 4) {
                    return false;
                }
                throw e;
            }
            if (read < PAGE) {
                return true;
            }
            offset += PAGE;
        }
    }
}
