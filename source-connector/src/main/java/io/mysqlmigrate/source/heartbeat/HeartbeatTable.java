package io.mysqlmigrate.source.heartbeat;

import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.source.capture.SourceConnections;
import io.mysqlmigrate.source.capture.SourceEndpoint;
import io.mysqlmigrate.source.selection.TableName;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * DTS's heartbeat on the source: a small table ({@code heartbeat.table}) where the task writes, every
 * {@code heartbeat.interval.ms}, one row per migration holding the source's clock in microseconds. Its change comes
 * back through the binary log like any other, so it keeps the resume position moving on a quiet source and, read by
 * the task, measures the delay below the binary log's one-second timestamps. The heartbeat's own changes never
 * reach the database topics.
 */
public final class HeartbeatTable {

    private final TableName table;
    private final String migration;
    private final boolean ownDatabase;

    public HeartbeatTable(TableName table, String migration) {
        this(table, migration, true);
    }

    /** @param ownDatabase true when the heartbeat's database is not one being migrated: all of its DDL is held back */
    public HeartbeatTable(TableName table, String migration, boolean ownDatabase) {
        this.table = table;
        this.migration = migration;
        this.ownDatabase = ownDatabase;
    }

    public TableName table() {
        return table;
    }

    /** The statement each beat runs; the same text on MySQL and MariaDB. */
    public String beatStatement() {
        String now = "CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS UNSIGNED)";
        return "INSERT INTO " + table.quoted() + " (migration, beat_us) VALUES ('" + migration.replace("'", "''") + "', " + now
                + ") ON DUPLICATE KEY UPDATE beat_us = " + now;
    }

    /**
     * Creates the database and table when missing. A failure is the caller's to explain with the settings that name
     * the table and turn heartbeats off ({@link #privilegesNeeded()} says what the account lacks).
     */
    public void ensureExists(SourceEndpoint source) throws SQLException {
        try (Connection c = SourceConnections.open(source); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS " + Identifiers.quote(table.database()));
            st.execute("CREATE TABLE IF NOT EXISTS " + table.quoted() + " (migration VARCHAR(255) NOT NULL PRIMARY KEY, "
                    + "beat_us BIGINT UNSIGNED NOT NULL) ENGINE=InnoDB");
            st.execute(beatStatement());
        }
    }

    /** The grant the source account needs for heartbeats. */
    public String privilegesNeeded() {
        return "CREATE, INSERT and UPDATE on " + Identifiers.quote(table.database()) + ".*";
    }

    /** True for any record about the heartbeat table: its rows and its DDL (all DDL of its own database). */
    public boolean isAbout(SourceRecord record) {
        if (!(record.value() instanceof Struct value) || value.schema().field("source") == null) {
            return false;
        }
        if (value.schema().field("ddl") != null && value.schema().field("databaseName") != null) {
            if (!table.database().equals(value.getString("databaseName"))) {
                return false;
            }
            if (ownDatabase) {
                return true;
            }
            List<Object> changes = value.schema().field("tableChanges") == null ? null : value.getArray("tableChanges");
            return changes != null && !changes.isEmpty() && changes.get(0) instanceof Struct change
                    && Identifiers.splitQualified(String.valueOf(change.get("id")), '"').equals(List.of(table.database(), table.table()));
        }
        Struct source = value.getStruct("source");
        if (source == null || source.schema().field("db") == null || source.schema().field("table") == null) {
            return false;
        }
        return table.database().equals(source.getString("db")) && table.table().equals(source.getString("table"));
    }

    /** This migration's beat in a heartbeat row change, in microseconds of the source's clock; null for other rows. */
    public Long beatMicros(SourceRecord record) {
        Struct value = (Struct) record.value();
        if (value.schema().field("after") == null) {
            return null;
        }
        Struct after = value.getStruct("after");
        if (after == null || !migration.equals(after.getString("migration"))) {
            return null;
        }
        Object beat = after.get("beat_us");
        return beat instanceof Number n ? n.longValue() : null;
    }
}
