package io.mysqlmigrate.precheck.progress;

import com.fasterxml.jackson.databind.JsonNode;
import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.verify.TablePair;
import io.mysqlmigrate.precheck.verify.VerifyPlanner;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.sink.retry.RetryEpisode;
import io.mysqlmigrate.sink.retry.RetryRecords;
import io.mysqlmigrate.sink.state.ProgressStore;
import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.source.phase.MigrationType;
import io.mysqlmigrate.source.phase.CompletionMarker;
import io.mysqlmigrate.stack.ConnectRestClient;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Gathers a {@link MigrationStatus}. The delay follows DTS's definition, the source time of the newest change the
 * destination has against now: when every record in Kafka is applied (the sink's next offset is the topic's end) the
 * delay is 0; otherwise it is the destination's clock minus the source time of the last applied change. It is taken
 * over the databases that stream; a database without any change since its snapshot has no streamed change to time,
 * and counts as initial load until its first one. Changes the source connector has not yet read from the binary log
 * are not seen (there is no heartbeat yet). Keeps the previous
 * refresh's row counts, so a watch shows rates and times left.
 */
public final class StatusCollector implements AutoCloseable {

    /** Above this estimate a destination table's rows are estimated too rather than counted. */
    static final long COUNT_EXACTLY_BELOW = 1_000_000;

    private final String sourceName;
    private final MigrationSourceConfig source;
    private final String sinkName;
    private final MigrationSinkConfig sink;
    private final ConnectRestClient rest;
    private final String bootstrapServers;
    private String jmxUrl;
    private Admin admin;
    private boolean withTables = true;
    private Map<String, Long> previousRows = Map.of();
    private long previousAtNanos;

    public StatusCollector(String sourceName, MigrationSourceConfig source, String sinkName, MigrationSinkConfig sink, ConnectRestClient rest,
                           String bootstrapServers) {
        this.sourceName = sourceName;
        this.source = source;
        this.sinkName = sinkName;
        this.sink = sink;
        this.rest = rest;
        this.bootstrapServers = bootstrapServers;
    }

    /** Whether to count each table's rows during the initial load (status does; the cutover's frequent polls do not). */
    public StatusCollector withTables(boolean counted) {
        this.withTables = counted;
        return this;
    }

    /** The JMX address of the worker running the source task, to show its binary log connection; null: not shown. */
    public StatusCollector withWorkerJmx(String jmxUrl) {
        this.jmxUrl = jmxUrl == null || jmxUrl.isBlank() ? null : jmxUrl;
        return this;
    }

    public MigrationStatus collect() throws IOException, InterruptedException, SQLException {
        List<String> notes = new ArrayList<>();
        ConnectorState src = ConnectorState.of(rest, sourceName);
        ConnectorState snk = ConnectorState.of(rest, sinkName);
        boolean completedAtSource = completed(ConnectApi.offsets(rest, sourceName));
        Set<MigrationType> types = source.migrationTypes();

        try (Connection d = CheckContext.connect("destination", sink.hostname(), sink.port(), sink.user(), sink.password().value(), sink.tls())) {
            List<SinkProgress.Partition> progress = SinkProgress.read(d, sink.stateDatabase(), sinkName);
            Map<TopicPartition, Long> ends = endOffsets(progress, notes);
            List<MigrationStatus.PartitionView> partitions = new ArrayList<>();
            for (SinkProgress.Partition p : progress) {
                partitions.add(new MigrationStatus.PartitionView(p.topic(), p.partition(), p.nextOffset(),
                        ends.get(new TopicPartition(p.topic(), p.partition())), p.phase(), p.sourceTsMs(), p.sourcePosition()));
            }
            boolean backlog = partitions.stream().anyMatch(p -> p.behind() == null || p.behind() > 0);
            MigrationStatus.Phase phase;
            if (completedAtSource && !backlog) {
                phase = MigrationStatus.Phase.COMPLETED;
            } else if (!src.registered() && !snk.registered() && progress.isEmpty()) {
                phase = MigrationStatus.Phase.NOT_STARTED;
            } else if (types.contains(MigrationType.INCREMENTAL) && !completedAtSource && progress.size() >= source.databases().size()
                    && progress.stream().allMatch(p -> ProgressStore.PHASE_INCREMENTAL.equals(p.phase()))) {
                phase = MigrationStatus.Phase.INCREMENTAL;
            } else {
                phase = MigrationStatus.Phase.INITIAL_LOAD;
            }

            Long delay = null;
            boolean exact = !ends.isEmpty();
            if (phase != MigrationStatus.Phase.COMPLETED && partitions.stream().anyMatch(MigrationStatus.PartitionView::streams)) {
                long now = destinationNowMs(d);
                long worst = 0;
                for (int i = 0; i < partitions.size(); i++) {
                    MigrationStatus.PartitionView p = partitions.get(i);
                    if (!p.streams()) {
                        continue; // still in (or, without any change since, just after) its snapshot
                    }
                    long lag;
                    if (p.behind() != null) {
                        lag = p.behind() == 0 || p.sourceTsMs() <= 0 ? 0 : Math.max(0, now - p.sourceTsMs());
                    } else {
                        lag = progress.get(i).applyLagMs();
                    }
                    worst = Math.max(worst, lag);
                }
                delay = worst;
            }

            List<MigrationStatus.TableProgress> tables = List.of();
            if (withTables && phase == MigrationStatus.Phase.INITIAL_LOAD && types.contains(MigrationType.FULL)) {
                try {
                    tables = tables(d, notes);
                } catch (SQLException e) {
                    notes.add("Per-table progress cannot be read: " + e.getMessage());
                }
            }
            SourceBinlog binlog = null;
            if (jmxUrl == null) {
                if (phase == MigrationStatus.Phase.INCREMENTAL || phase == MigrationStatus.Phase.INITIAL_LOAD) {
                    notes.add("The source task's binary log connection is not shown (a lost one leaves the task RUNNING): pass "
                            + "--jmx-url with the JMX address of the worker running it.");
                }
            } else if (src.tasks().stream().anyMatch(t -> "RUNNING".equals(t.state()))) {
                try {
                    binlog = SourceBinlog.read(jmxUrl, sourceName);
                } catch (IOException e) {
                    notes.add("The source task's binary log connection cannot be read: " + e.getMessage());
                }
            }
            return new MigrationStatus(Instant.now(), source.topicPrefix(), MigrationType.describe(types), phase, src, snk, partitions,
                    tables, delay, exact, notes, retrying(d, snk), binlog);
        }
    }

    /**
     * The retry episodes the sink's tasks recorded in the destination, for the tasks Connect shows RUNNING (a failed or
     * gone task retries nothing, whatever a row left behind says).
     */
    private Map<Integer, RetryEpisode> retrying(Connection d, ConnectorState snk) throws SQLException {
        return retrying(d, sink.stateDatabase(), snk);
    }

    static Map<Integer, RetryEpisode> retrying(Connection d, String stateDatabase, ConnectorState snk) throws SQLException {
        Set<Integer> running = new java.util.HashSet<>();
        snk.tasks().stream().filter(t -> "RUNNING".equals(t.state())).forEach(t -> running.add(t.id()));
        Map<Integer, RetryEpisode> out = new java.util.TreeMap<>(RetryRecords.read(d, stateDatabase, snk.name()));
        out.keySet().retainAll(running);
        return out;
    }

    private boolean completed(JsonNode offsets) {
        if (offsets == null) {
            return false;
        }
        for (JsonNode entry : offsets.path("offsets")) {
            if (source.topicPrefix().equals(entry.path("partition").path(CompletionMarker.PARTITION_KEY).asText(null))
                    && CompletionMarker.COMPLETED.equals(entry.path("offset").path(CompletionMarker.PHASE).asText())) {
                return true;
            }
        }
        return false;
    }

    private Map<TopicPartition, Long> endOffsets(List<SinkProgress.Partition> progress, List<String> notes) {
        if (progress.isEmpty() || bootstrapServers == null || bootstrapServers.isBlank()) {
            return Map.of();
        }
        try {
            if (admin == null) {
                Properties p = new Properties();
                p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
                p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000);
                admin = Admin.create(p);
            }
            Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
            progress.forEach(s -> wanted.put(new TopicPartition(s.topic(), s.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(wanted).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        } catch (Exception e) {
            notes.add("Kafka (" + bootstrapServers + ") could not tell the topics' end offsets (" + e.getMessage()
                    + "): the delay shown is how late the last change was applied, not how far the sink is behind.");
            return Map.of();
        }
    }

    private List<MigrationStatus.TableProgress> tables(Connection d, List<String> notes) throws SQLException {
        List<MigrationStatus.TableProgress> out = new ArrayList<>();
        Map<String, Long> rowsNow = new HashMap<>();
        long nowNanos = System.nanoTime();
        double seconds = previousAtNanos == 0 ? 0 : (nowNanos - previousAtNanos) / 1e9;
        try (Connection s = CheckContext.connect("source", source.hostname(), source.port(), source.user(), source.password().value(), source.tls())) {
            for (TablePair pair : VerifyPlanner.plan(source, sink, s, d)) {
                long estimated = estimate(s, pair.sourceDatabase(), pair.sourceTable());
                boolean exact = estimated < COUNT_EXACTLY_BELOW;
                Long done = exact ? count(d, pair.destinationDatabase(), pair.destinationTable())
                        : Long.valueOf(estimate(d, pair.destinationDatabase(), pair.destinationTable()));
                long rows = done == null ? 0 : done;
                rowsNow.put(pair.sourceName(), rows);
                Double rate = null;
                Long eta = null;
                Long before = previousRows.get(pair.sourceName());
                if (before != null && seconds > 0) {
                    rate = Math.max(0, rows - before) / seconds;
                    if (rate > 0) {
                        eta = Math.round(Math.max(0, estimated - rows) / rate);
                    }
                }
                out.add(new MigrationStatus.TableProgress(pair.sourceName(), pair.destinationName(), rows, exact, estimated, rate, eta));
            }
        }
        if (out.stream().anyMatch(t -> !t.doneExact())) {
            notes.add("Tables above " + COUNT_EXACTLY_BELOW + " estimated rows show the destination's estimate, not a count.");
        }
        previousRows = rowsNow;
        previousAtNanos = nowNanos;
        return out;
    }

    private static long estimate(Connection c, String database, String table) throws SQLException {
        List<List<String>> rows = CheckContext.rows(c, "SELECT COALESCE(TABLE_ROWS, 0) FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?", database, table);
        return rows.isEmpty() ? 0 : Long.parseLong(rows.get(0).get(0));
    }

    /** Rows of a destination table, or null when it does not exist yet. */
    private static Long count(Connection c, String database, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + Identifiers.quote(database, table))) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            if (e.getErrorCode() == 1146 || e.getErrorCode() == 1049) {
                return null;
            }
            throw e;
        }
    }

    private static long destinationNowMs(Connection d) throws SQLException {
        try (Statement st = d.createStatement(); ResultSet rs = st.executeQuery("SELECT ROUND(UNIX_TIMESTAMP(NOW(3)) * 1000)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
