package io.mysqlmigrate.sink.state;

import io.mysqlmigrate.dialect.BinlogPosition;
import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.dialect.SqlDialect;
import io.mysqlmigrate.sink.event.SourcePosition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The sink's progress, kept in the destination itself so it commits with the rows it describes:
 * <ul>
 *   <li>{@code sink_offsets}: per topic partition, the next Kafka offset to apply, written in the same transaction
 *       as the rows up to it. On start the task seeks there, so a restart or a replay neither loses nor repeats.</li>
 *   <li>{@code applied_ddl}: each DDL statement applied, keyed by its source position and text, so one a source
 *       re-emits (after its own restart) or an operator replays is not applied twice.</li>
 * </ul>
 * Rows are keyed by connector name, so several migrations can share one destination.
 */
public final class ProgressStore {

    /** The table of per-partition progress, in the state database; the operator CLI reads it too. */
    public static final String OFFSETS_TABLE = "sink_offsets";
    public static final String PHASE_SNAPSHOT = "snapshot";
    public static final String PHASE_INCREMENTAL = "incremental";
    /** Journal outcome of a CREATE TABLE that made a table. */
    public static final String OUTCOME_CREATED = "created";
    /** Journal outcome of a CREATE TABLE that replaced a table left by an interrupted earlier snapshot. */
    public static final String OUTCOME_RECREATED = "recreated";

    private final String connector;
    private final String offsetsTable;
    private final String ddlTable;
    private final String database;
    private final SqlDialect dialect;

    public ProgressStore(String stateDatabase, String connector, SqlDialect dialect) {
        this.connector = connector;
        this.dialect = dialect;
        this.database = stateDatabase;
        this.offsetsTable = Identifiers.quote(stateDatabase, OFFSETS_TABLE);
        this.ddlTable = Identifiers.quote(stateDatabase, "applied_ddl");
    }

    public String database() {
        return database;
    }

    /** Creates the state database and tables when missing. */
    public void createIfMissing(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS " + Identifiers.quote(database) + " CHARACTER SET utf8mb4");
            st.execute("CREATE TABLE IF NOT EXISTS " + offsetsTable + " ("
                    + "connector VARCHAR(190) NOT NULL, topic VARCHAR(249) NOT NULL, kafka_partition INT NOT NULL, "
                    + "next_offset BIGINT NOT NULL, phase VARCHAR(16) NULL, source_position VARCHAR(255) NULL, source_ts_ms BIGINT NULL, "
                    + "last_applied_binlog_position VARCHAR(255) NULL, replay_until BIGINT NULL, "
                    + "updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), "
                    + "PRIMARY KEY (connector, topic, kafka_partition)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
            st.execute("CREATE TABLE IF NOT EXISTS " + ddlTable + " ("
                    + "connector VARCHAR(190) NOT NULL, ddl_key VARCHAR(255) NOT NULL, topic VARCHAR(249) NOT NULL, "
                    + "kafka_partition INT NOT NULL, kafka_offset BIGINT NOT NULL, database_name VARCHAR(64) NULL, table_name VARCHAR(64) NULL, "
                    + "source_position VARCHAR(255) NULL, outcome VARCHAR(32) NOT NULL, statement MEDIUMTEXT NOT NULL, "
                    + "applied_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), "
                    + "PRIMARY KEY (connector, ddl_key)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        }
    }

    /** The statement an operator runs (connector stopped) to move this sink's partition on to {@code nextOffset}. */
    public String moveOnStatement(TopicPartition tp, long nextOffset) {
        return "UPDATE " + offsetsTable + " SET next_offset = " + nextOffset + " WHERE connector = '" + connector.replace("'", "''")
                + "' AND topic = '" + tp.topic().replace("'", "''") + "' AND kafka_partition = " + tp.partition();
    }

    /**
     * Moves a partition's next offset, for Connect's offsets API (the connector is stopped): {@code null} means back
     * to the beginning. Moving back remembers how far the sink had got ({@code replay_until}), so the records in
     * between replay without effect; the last applied binary log position stays. Part of the caller's transaction.
     *
     * @return whether progress was stored for the partition before
     */
    public boolean moveTo(Connection c, TopicPartition tp, Long offset) throws SQLException {
        long target = offset == null ? 0 : offset;
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + offsetsTable + " SET replay_until = CASE WHEN ? < next_offset "
                + "THEN GREATEST(next_offset, COALESCE(replay_until, -1)) ELSE replay_until END, next_offset = ? "
                + "WHERE connector = ? AND topic = ? AND kafka_partition = ?")) {
            ps.setLong(1, target);
            ps.setLong(2, target);
            ps.setString(3, connector);
            ps.setString(4, tp.topic());
            ps.setInt(5, tp.partition());
            if (ps.executeUpdate() > 0) {
                return true;
            }
        }
        if (offset != null) {
            save(c, tp, new PartitionProgress(target, null), null);
        }
        return false;
    }

    /** Progress stored for each of the given partitions that has any. */
    public Map<TopicPartition, PartitionProgress> load(Connection c, Collection<TopicPartition> partitions) throws SQLException {
        Map<TopicPartition, PartitionProgress> result = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT topic, kafka_partition, next_offset, last_applied_binlog_position, replay_until FROM "
                + offsetsTable + " WHERE connector = ?")) {
            ps.setString(1, connector);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TopicPartition tp = new TopicPartition(rs.getString(1), rs.getInt(2));
                    if (partitions.contains(tp)) {
                        String last = rs.getString(4);
                        long replayUntil = rs.getLong(5);
                        result.put(tp, new PartitionProgress(rs.getLong(3), last == null ? null : BinlogPosition.parse(last),
                                rs.wasNull() ? -1 : replayUntil));
                    }
                }
            }
        }
        return result;
    }

    /**
     * Records that everything before {@code progress.nextOffset()} is applied, and where the source was; part of the
     * caller's transaction.
     */
    public void save(Connection c, TopicPartition tp, PartitionProgress progress, SourcePosition position) throws SQLException {
        boolean known = position != null && position != SourcePosition.UNKNOWN;
        List<String> columns = known
                ? List.of("connector", "topic", "kafka_partition", "next_offset", "last_applied_binlog_position", "phase",
                        "source_position", "source_ts_ms")
                : List.of("connector", "topic", "kafka_partition", "next_offset", "last_applied_binlog_position");
        String sql = dialect.upsert(offsetsTable, columns, columns.subList(3, columns.size()), 1);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, connector);
            ps.setString(2, tp.topic());
            ps.setInt(3, tp.partition());
            ps.setLong(4, progress.nextOffset());
            ps.setString(5, progress.lastApplied() == null ? null : progress.lastApplied().format());
            if (known) {
                ps.setString(6, position.snapshot() ? PHASE_SNAPSHOT : PHASE_INCREMENTAL);
                ps.setString(7, truncate(position.toString(), 255));
                ps.setLong(8, position.tsMs());
            }
            ps.executeUpdate();
        }
    }

    /** What the DDL journal holds for each of the given partitions that has any entry (for {@link ReplayCheck}). */
    public Map<TopicPartition, ReplayCheck.JournalSummary> journal(Connection c, Collection<TopicPartition> partitions) throws SQLException {
        Map<TopicPartition, ReplayCheck.JournalSummary> result = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT topic, kafka_partition, COUNT(*), MAX(kafka_offset) FROM " + ddlTable
                + " WHERE connector = ? GROUP BY topic, kafka_partition")) {
            ps.setString(1, connector);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TopicPartition tp = new TopicPartition(rs.getString(1), rs.getInt(2));
                    if (partitions.contains(tp)) {
                        result.put(tp, new ReplayCheck.JournalSummary(rs.getLong(3), rs.getLong(4), null));
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT statement FROM " + ddlTable
                + " WHERE connector = ? AND topic = ? AND kafka_partition = ? AND kafka_offset = ? LIMIT 1")) {
            for (Map.Entry<TopicPartition, ReplayCheck.JournalSummary> e : result.entrySet()) {
                ps.setString(1, connector);
                ps.setString(2, e.getKey().topic());
                ps.setInt(3, e.getKey().partition());
                ps.setLong(4, e.getValue().highestOffset());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        e.setValue(new ReplayCheck.JournalSummary(e.getValue().statements(), e.getValue().highestOffset(), rs.getString(1)));
                    }
                }
            }
        }
        return result;
    }

    public boolean ddlApplied(Connection c, String ddlKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + ddlTable + " WHERE connector = ? AND ddl_key = ?")) {
            ps.setString(1, connector);
            ps.setString(2, ddlKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Journals an applied (or deliberately skipped) DDL; part of the caller's transaction. */
    public void recordDdl(Connection c, String ddlKey, TopicPartition tp, long offset, String databaseName, String tableName,
                          SourcePosition position, String outcome, String statement) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + ddlTable
                + " (connector, ddl_key, topic, kafka_partition, kafka_offset, database_name, table_name, source_position,"
                + " outcome, statement) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, connector);
            ps.setString(2, ddlKey);
            ps.setString(3, tp.topic());
            ps.setInt(4, tp.partition());
            ps.setLong(5, offset);
            ps.setString(6, databaseName);
            ps.setString(7, tableName);
            ps.setString(8, truncate(position.toString(), 255));
            ps.setString(9, outcome);
            ps.setString(10, statement);
            ps.executeUpdate();
        }
    }

    /** Whether this migration itself created the table (so a new snapshot of it may replace it). */
    public boolean createdTable(Connection c, String databaseName, String tableName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + ddlTable + " WHERE connector = ? AND database_name = ?"
                + " AND table_name = ? AND outcome IN ('" + OUTCOME_CREATED + "', '" + OUTCOME_RECREATED + "') LIMIT 1")) {
            ps.setString(1, connector);
            ps.setString(2, databaseName);
            ps.setString(3, tableName);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
