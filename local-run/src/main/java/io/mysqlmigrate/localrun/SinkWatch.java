package io.mysqlmigrate.localrun;

import io.mysqlmigrate.sink.retry.RetryEpisode;
import io.mysqlmigrate.sink.retry.RetryRecords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Watches a migration from the outside: the sink's progress rows in the destination
 * ({@code mysql_migrate.sink_offsets}), the end offsets of the database topics in Kafka, and row counts.
 */
final class SinkWatch implements AutoCloseable {
    static final String PROGRESS_QUERY = "SELECT topic, next_offset, phase, source_ts_ms, updated_at "
            + "FROM mysql_migrate.sink_offsets WHERE connector = ?";

    /**
     * The sink's progress on one topic (summed over its partitions) and how far the topic goes.
     *
     * @param nextOffset next offset the sink will apply (0: nothing applied yet)
     * @param phase "snapshot", "incremental", or null when the sink has not recorded any
     * @param sourceTsMs source time of the last applied event (1-second resolution), or 0
     * @param updatedAt when the sink last recorded progress, or null
     * @param endOffset how many records the topic holds (-1 when Kafka could not be asked)
     */
    record TopicProgress(String topic, long nextOffset, String phase, long sourceTsMs, Timestamp updatedAt,
            long endOffset) {
        boolean incremental() {
            return "incremental".equals(phase);
        }

        /** Records in the topic the sink has not applied yet (-1 when unknown). */
        long pending() {
            return endOffset < 0 ? -1 : Math.max(0, endOffset - nextOffset);
        }
    }

    /** One base table of a migrated database. */
    record Table(String database, String name) {
        String label() {
            return database + "." + name;
        }

        String quoted() {
            return "`" + database.replace("`", "``") + "`.`" + name.replace("`", "``") + "`";
        }
    }

    private final Endpoint destination;
    private final String sinkConnector;
    private final List<String> topics;
    private final Admin admin;
    private final Map<String, List<TopicPartition>> partitions = new HashMap<>();
    private Connection connection;

    /** The longest wait for one Kafka answer; the end offsets stay unknown (-1) when it passes. */
    private final long kafkaTimeoutMs;
    private boolean kafkaAnswered = true;

    SinkWatch(Endpoint destination, String sinkConnector, List<String> topics, String bootstrapServers) {
        this(destination, sinkConnector, topics, bootstrapServers, java.time.Duration.ofSeconds(8));
    }

    /** With a shorter Kafka wait: {@code status} answers in seconds also when the broker is slow or hung. */
    SinkWatch(Endpoint destination, String sinkConnector, List<String> topics, String bootstrapServers,
            java.time.Duration kafkaTimeout) {
        this.destination = destination;
        this.sinkConnector = sinkConnector;
        this.topics = List.copyOf(topics);
        this.kafkaTimeoutMs = kafkaTimeout.toMillis();
        this.admin = bootstrapServers == null ? null : createAdmin(bootstrapServers);
    }

    /** False when Kafka did not answer within the wait in the last {@link #progress()}. */
    boolean kafkaAnswered() {
        return kafkaAnswered;
    }

    static Admin createAdmin(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "8000");
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "mysql-migrate-local-run");
        return Admin.create(props);
    }

    /** The sink's progress per database topic; topics without a row yet have next offset 0 and no phase. */
    Map<String, TopicProgress> progress() throws SQLException {
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, String> phases = new HashMap<>();
        Map<String, Timestamp> updated = new HashMap<>();
        for (String topic : topics) {
            sums.put(topic, new long[2]);
        }
        try (PreparedStatement ps = connection().prepareStatement(PROGRESS_QUERY)) {
            ps.setString(1, sinkConnector);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String topic = rs.getString(1);
                    long[] sum = sums.computeIfAbsent(topic, t -> new long[2]);
                    sum[0] += rs.getLong(2);
                    sum[1] = Math.max(sum[1], rs.getLong(4));
                    String phase = rs.getString(3);
                    // One partition still in the snapshot keeps the whole topic there.
                    if (phase != null && !"snapshot".equals(phases.get(topic))) {
                        phases.put(topic, phase);
                    }
                    Timestamp at = rs.getTimestamp(5);
                    if (at != null && (updated.get(topic) == null || at.after(updated.get(topic)))) {
                        updated.put(topic, at);
                    }
                }
            }
        } catch (SQLException e) {
            if (!isMissingStateTable(e)) {
                dropConnection();
                throw e;
            }
            // The sink creates mysql_migrate with its first commit.
        }
        Map<String, Long> ends = endOffsets(sums.keySet());
        Map<String, TopicProgress> result = new LinkedHashMap<>();
        sums.forEach((topic, sum) -> result.put(topic, new TopicProgress(topic, sum[0], phases.get(topic), sum[1],
                updated.get(topic), ends.getOrDefault(topic, -1L))));
        return result;
    }

    /**
     * The sink's tasks that are retrying a failure within their retry window (they show RUNNING in Connect), by task
     * id, as the sink records them in {@code mysql_migrate.sink_retries}; empty when none is.
     */
    Map<Integer, RetryEpisode> retrying() throws SQLException {
        try {
            return RetryRecords.read(connection(), "mysql_migrate", sinkConnector);
        } catch (SQLException e) {
            dropConnection();
            throw e;
        }
    }

    /** Rows in each table on the destination; a table that does not exist yet has 0. */
    Map<Table, Long> destinationCounts(List<Table> tables) throws SQLException {
        Map<Table, Long> counts = new LinkedHashMap<>();
        for (Table table : tables) {
            counts.put(table, count(connection(), table));
        }
        return counts;
    }

    Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = destination.connect();
        }
        return connection;
    }

    /** The base tables of the databases on a server, sorted. */
    static List<Table> tables(Connection c, List<String> databases) throws SQLException {
        List<Table> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
            for (String database : databases) {
                ps.setString(1, database);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tables.add(new Table(database, rs.getString(1)));
                    }
                }
            }
        }
        return tables;
    }

    /** COUNT(*) of a table; 0 when it (or its database) does not exist. */
    static long count(Connection c, Table table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table.quoted())) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            if (e.getErrorCode() == 1146 || e.getErrorCode() == 1049) {
                return 0;
            }
            throw e;
        }
    }

    /** The topics of this migration and of its source's schema history that exist in Kafka. */
    List<String> migrationTopics(String name) {
        if (admin == null) {
            return List.of();
        }
        try {
            Set<String> names = admin.listTopics().names().get(8, TimeUnit.SECONDS);
            return new TreeSet<>(names).stream()
                    .filter(t -> t.startsWith(name + ".") || t.startsWith("_mysql_migrate." + name + "."))
                    .toList();
        } catch (ExecutionException | TimeoutException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private Map<String, Long> endOffsets(Set<String> topicNames) {
        Map<String, Long> ends = new HashMap<>();
        if (admin == null) {
            return ends;
        }
        try {
            List<String> unknown = topicNames.stream().filter(t -> !partitions.containsKey(t)).toList();
            if (!unknown.isEmpty()) {
                for (String topic : unknown) {
                    try {
                        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                                .get(kafkaTimeoutMs, TimeUnit.MILLISECONDS).get(topic);
                        partitions.put(topic, description.partitions().stream()
                                .map(p -> new TopicPartition(topic, p.partition())).toList());
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                            ends.put(topic, 0L); // not created yet: nothing to apply
                        } else {
                            throw e;
                        }
                    }
                }
            }
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (String topic : topicNames) {
                for (TopicPartition tp : partitions.getOrDefault(topic, List.of())) {
                    request.put(tp, OffsetSpec.latest());
                }
            }
            if (!request.isEmpty()) {
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answer =
                        admin.listOffsets(request).all().get(kafkaTimeoutMs, TimeUnit.MILLISECONDS);
                answer.forEach((tp, info) -> ends.merge(tp.topic(), info.offset(), Long::sum));
            }
            kafkaAnswered = true;
        } catch (ExecutionException | TimeoutException e) {
            // Kafka did not answer in time: the end offsets stay unknown (-1) this round.
            ends.keySet().retainAll(List.of());
            kafkaAnswered = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ends;
    }

    static boolean isMissingStateTable(SQLException e) {
        return e.getErrorCode() == 1146 || e.getErrorCode() == 1049;
    }

    private void dropConnection() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // already broken
        }
        connection = null;
    }

    @Override
    public void close() {
        dropConnection();
        if (admin != null) {
            admin.close(java.time.Duration.ofMillis(Math.min(2000, kafkaTimeoutMs)));
        }
    }
}
