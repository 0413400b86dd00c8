package io.mysqlmigrate.dialect;

/**
 * What marks a destination session as the sink's. Triggers the source migrates before the cut-over test it and do
 * nothing for the sink's writes, whose rows (including those the source's triggers wrote) arrive through the binary
 * log already.
 */
public final class SinkSession {

    /** A user variable the sink sets to 1 on each of its connections; other sessions leave it NULL. */
    public static final String MARK = "@mysql_migrate_sink";

    private SinkSession() {
    }
}
