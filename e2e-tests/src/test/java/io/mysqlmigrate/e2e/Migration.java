package io.mysqlmigrate.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.mysqlmigrate.precheck.verify.DatabaseComparator;
import io.mysqlmigrate.precheck.verify.TableComparison;
import io.mysqlmigrate.stack.ConnectorConfigTemplate;
import io.mysqlmigrate.stack.DatabaseServer;
import io.mysqlmigrate.stack.FlavourPair;
import io.mysqlmigrate.stack.SharedStack;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One migration through the shared stack: the source and sink connectors registered through the worker's REST API
 * from the same configuration files the main job uses ({@code config/embedded/}), with this test's own names.
 */
final class Migration implements AutoCloseable {

    private static final Path CONFIG_DIR = Path.of(System.getProperty("mysqlmigrate.config.dir", "../config"));

    final SharedStack stack;
    final DatabaseServer sourceServer;
    final DatabaseServer destinationServer;
    final String name;
    final List<String> databases;
    final ConnectorConfigTemplate source;
    final ConnectorConfigTemplate sink;
    /** The configurations last registered by {@link #start(Map, Map)}. */
    Map<String, String> startedSource;
    Map<String, String> startedSink;

    Migration(SharedStack stack, String name, List<String> databases) {
        this(stack, stack.pair(FlavourPair.MARIADB_TO_MARIADB), name, databases);
    }

    /** A migration between the shared servers of one flavour pair. */
    Migration(SharedStack stack, SharedStack.ServerPair servers, String name, List<String> databases) {
        this.stack = stack;
        this.sourceServer = servers.source();
        this.destinationServer = servers.destination();
        this.name = name;
        this.databases = databases;
        Map<String, String> values = Map.ofEntries(
                Map.entry("NAME", name),
                Map.entry("SOURCE_HOST", sourceServer.host()),
                Map.entry("SOURCE_PORT", Integer.toString(sourceServer.port())),
                Map.entry("SOURCE_USER", sourceServer.user()),
                Map.entry("SOURCE_PASSWORD", sourceServer.password()),
                Map.entry("DESTINATION_HOST", destinationServer.host()),
                Map.entry("DESTINATION_PORT", Integer.toString(destinationServer.port())),
                Map.entry("DESTINATION_USER", destinationServer.user()),
                Map.entry("DESTINATION_PASSWORD", destinationServer.password()),
                Map.entry("DATABASES", String.join(",", databases)),
                Map.entry("TOPICS", databases.stream().map(d -> name + "." + d).collect(Collectors.joining(","))),
                Map.entry("BOOTSTRAP_SERVERS", stack.broker().bootstrapServers()));
        source = ConnectorConfigTemplate.load(CONFIG_DIR.resolve("embedded/source.json"), values);
        sink = ConnectorConfigTemplate.load(CONFIG_DIR.resolve("embedded/sink.json"), values);
    }

    void start() {
        start(Map.of(), Map.of());
    }

    /** Registers both connectors with these settings changed from the shared configuration files. */
    void start(Map<String, String> sourceChanges, Map<String, String> sinkChanges) {
        Map<String, String> sinkConfig = new LinkedHashMap<>(sink.config());
        sinkConfig.putAll(sinkChanges);
        Map<String, String> sourceConfig = new LinkedHashMap<>(source.config());
        sourceConfig.putAll(sourceChanges);
        startedSource = sourceConfig;
        startedSink = sinkConfig;
        stack.rest().createOrUpdate(sink.name(), sinkConfig);
        stack.rest().createOrUpdate(source.name(), sourceConfig);
        stack.rest().waitUntilRunning(sink.name(), Duration.ofSeconds(60));
        stack.rest().waitUntilRunning(source.name(), Duration.ofSeconds(60));
    }

    /**
     * Waits until the source connector's offsets, as Connect's REST API shows them, hold the migration's completion
     * marker; returns that offset.
     */
    JsonNode awaitCompletedOffset(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode offsets = null;
        while (System.nanoTime() < deadline) {
            offsets = stack.rest().get("/connectors/" + source.name() + "/offsets");
            for (JsonNode entry : offsets.path("offsets")) {
                if (entry.path("partition").has("mysqlmigrate.migration")
                        && "completed".equals(entry.path("offset").path("phase").asText())) {
                    return entry.path("offset");
                }
            }
            assertConnectorsHealthy();
            Thread.sleep(500);
        }
        fail("The source connector " + source.name() + " did not record completion within " + timeout + "; offsets: " + offsets);
        return null;
    }

    /**
     * Waits until the sink has applied at least {@code minOffset} records of every database topic and, when
     * {@code incremental}, has moved from the snapshot to the binary log. Read from the progress the sink keeps in
     * the destination.
     */
    void awaitSinkProgress(long minOffset, boolean incremental, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String sql = "SELECT COUNT(*) FROM mysql_migrate.sink_offsets WHERE connector = ? AND next_offset >= ?"
                + (incremental ? " AND phase = 'incremental'" : "");
        while (System.nanoTime() < deadline) {
            try (Connection c = destinationServer.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, sink.name());
                ps.setLong(2, minOffset);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getLong(1) >= databases.size()) {
                        return;
                    }
                }
            } catch (SQLException notYet) {
                // the state tables appear with the sink's first start
            }
            assertConnectorsHealthy();
            Thread.sleep(250);
        }
        fail("The sink did not reach offset " + minOffset + (incremental ? " in the incremental phase" : "") + " within "
                + timeout + "; " + stack.rest().status(sink.name()) + " " + stack.rest().status(source.name()));
    }

    /** Waits until every table of every database is identical on both sides; fails with the differences. */
    List<TableComparison> awaitIdentical(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<TableComparison> last = List.of();
        String notComparable = null;
        while (System.nanoTime() < deadline) {
            try (Connection s = sourceServer.connect(); Connection d = destinationServer.connect()) {
                last = DatabaseComparator.compare(s, d, databases);
                notComparable = null;
            } catch (SQLException e) {
                // a column or table the source has and the sink has not created yet: not identical yet
                notComparable = e.getMessage();
                last = List.of();
            }
            if (notComparable == null && DatabaseComparator.allMatch(last)) {
                return last;
            }
            assertConnectorsHealthy();
            Thread.sleep(1000);
        }
        fail("Source and destination still differ after " + timeout + ":\n" + (notComparable != null ? notComparable
                : last.stream().map(TableComparison::describe).collect(Collectors.joining("\n"))));
        return last;
    }

    /** Waits until {@code sql} on the destination returns {@code expected} (first column, as text); fails with what it holds. */
    void awaitDestinationRows(String sql, List<String> expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        List<String> actual = List.of();
        while (System.nanoTime() < deadline) {
            try (Connection d = destinationServer.connect()) {
                actual = QueryRows.strings(d, sql);
            } catch (SQLException notYet) {
                actual = List.of(notYet.getMessage());
            }
            if (actual.equals(expected)) {
                return;
            }
            assertConnectorsHealthy();
            Thread.sleep(500);
        }
        fail("Expected " + expected + " from " + sql + " but the destination holds " + actual);
    }

    void assertConnectorsHealthy() {
        for (String connector : List.of(source.name(), sink.name())) {
            var status = stack.rest().status(connector);
            if (!status.failedTasks().isEmpty()) {
                fail(connector + " has a failed task: " + status.failedTasks().get(0).trace());
            }
        }
    }

    @Override
    public void close() {
        stack.rest().delete(source.name());
        stack.rest().delete(sink.name());
    }
}
