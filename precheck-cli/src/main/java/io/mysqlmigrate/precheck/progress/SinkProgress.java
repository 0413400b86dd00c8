package io.mysqlmigrate.precheck.progress;

import io.mysqlmigrate.dialect.BinlogPosition;
import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.sink.state.ProgressStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the sink connector records about itself in the destination (its {@code sink_offsets} table, written in the
 * same transaction as the rows): per topic partition the next Kafka offset to apply, the phase and source position
 * and source time ({@code ts_ms}) of the last event applied, and when that commit happened.
 */
public final class SinkProgress {

    /**
     * One database topic partition.
     *
     * @param sourceTsMs  the source's time of the last applied event (0 when unknown); binlog times have 1 s resolution
     * @param updatedAtMs when the sink committed it, by the destination's clock
     * @param lastApplied where the transaction of the last streamed change applied starts (null before the first)
     */
    public record Partition(String topic, int partition, long nextOffset, String phase, String sourcePosition, long sourceTsMs,
                            long updatedAtMs, BinlogPosition lastApplied) {

        /** How late the last applied change was applied: commit time minus source time (0 if unknown). */
        public long applyLagMs() {
            return sourceTsMs <= 0 ? 0 : Math.max(0, updatedAtMs - sourceTsMs);
        }
    }

    private SinkProgress() {
    }

    /** The partitions the named sink connector has progress for; empty when it has none (or no state tables yet). */
    public static List<Partition> read(Connection destination, String stateDatabase, String connector) throws SQLException {
        List<Partition> out = new ArrayList<>();
        try (PreparedStatement ps = destination.prepareStatement("SELECT topic, kafka_partition, next_offset, phase, source_position, "
                + "COALESCE(source_ts_ms, 0), ROUND(UNIX_TIMESTAMP(updated_at) * 1000), last_applied_binlog_position FROM "
                + Identifiers.quote(stateDatabase, ProgressStore.OFFSETS_TABLE) + " WHERE connector = ? ORDER BY topic, kafka_partition")) {
            ps.setString(1, connector);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Partition(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                            rs.getLong(6), rs.getLong(7), rs.getString(8) == null ? null : BinlogPosition.parse(rs.getString(8))));
                }
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == 1146 || e.getErrorCode() == 1049) {
                return out;
            }
            throw e;
        }
        return out;
    }

    /**
     * The replication delay as the sink's progress shows it: the largest lag between a change's source time and its
     * apply among the partitions that stream (incremental phase); empty when none does yet.
     */
    public static OptionalLong applyLagMs(List<Partition> partitions) {
        return partitions.stream().filter(p -> ProgressStore.PHASE_INCREMENTAL.equals(p.phase())).mapToLong(Partition::applyLagMs).max();
    }
}
