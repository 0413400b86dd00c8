package io.mysqlmigrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.mysqlmigrate.precheck.verify.DatabaseComparator;
import io.mysqlmigrate.precheck.verify.TableComparison;
import io.mysqlmigrate.stack.ConnectRestException;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ThrowingRunnable;

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
     * An Awaitility wait for this migration: fails at once, with the task's trace, when one of its connectors has a
     * failed task, instead of waiting out the timeout. {@code what} names the awaited condition in the failure.
     */
    ConditionFactory awaiting(String what, Duration timeout) {
        return Awaitility.await(what + " (" + name + ")").atMost(timeout).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250))
                .failFast("a connector of " + name + " has a failed task", afterFirstLook(this::assertConnectorsHealthy));
    }

    /**
     * Awaitility runs a fail-fast check before each look at the condition; this one skips the first, so the condition
     * is looked at first and the check runs only while it does not hold yet: a test may await what a connector that
     * failed on purpose left behind.
     */
    static ThrowingRunnable afterFirstLook(ThrowingRunnable check) {
        AtomicBoolean first = new AtomicBoolean(true);
        return () -> {
            if (!first.getAndSet(false)) {
                check.run();
            }
        };
    }

    /**
     * Waits until the source connector's offsets, as Connect's REST API shows them, hold the migration's completion
     * marker; returns that offset.
     */
    JsonNode awaitCompletedOffset(Duration timeout) {
        JsonNode offsets = awaiting("the source connector " + source.name() + " records completion in its offsets", timeout)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> stack.rest().get("/connectors/" + source.name() + "/offsets"), shown -> completion(shown) != null);
        return completion(offsets);
    }

    private static JsonNode completion(JsonNode offsets) {
        for (JsonNode entry : offsets.path("offsets")) {
            if (entry.path("partition").has("mysqlmigrate.migration")
                    && "completed".equals(entry.path("offset").path("phase").asText())) {
                return entry.path("offset");
            }
        }
        return null;
    }

    /**
     * Waits until the sink has applied at least {@code minOffset} records of every database topic and, when
     * {@code incremental}, has moved from the snapshot to the binary log. Read from the progress the sink keeps in
     * the destination.
     */
    void awaitSinkProgress(long minOffset, boolean incremental, Duration timeout) {
        String sql = "SELECT COUNT(*) FROM mysql_migrate.sink_offsets WHERE connector = ? AND next_offset >= ?"
                + (incremental ? " AND phase = 'incremental'" : "");
        awaiting("the sink reaches offset " + minOffset + (incremental ? " in the incremental phase" : "")
                + " on all " + databases.size() + " database topics", timeout)
                .untilAsserted(() -> {
                    try (Connection c = destinationServer.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setString(1, sink.name());
                        ps.setLong(2, minOffset);
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next() ? rs.getLong(1) : 0L;
                        }
                    } catch (SQLException notYet) {
                        return 0L; // the state tables appear with the sink's first start
                    }
                }, topics -> assertTrue(topics >= databases.size(), () -> "only " + topics + " topics there; "
                        + stack.rest().status(sink.name()) + " " + stack.rest().status(source.name())));
    }

    /** Waits until every table of every database is identical on both sides; fails with the differences. */
    List<TableComparison> awaitIdentical(Duration timeout) {
        AtomicReference<List<TableComparison>> last = new AtomicReference<>(List.of());
        awaiting("every table identical on source and destination", timeout)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    try (Connection s = sourceServer.connect(); Connection d = destinationServer.connect()) {
                        last.set(DatabaseComparator.compare(s, d, databases));
                    } catch (SQLException e) {
                        // a column or table the source has and the sink has not created yet: not identical yet
                        throw new AssertionError("not comparable yet: " + e.getMessage());
                    }
                    if (!DatabaseComparator.allMatch(last.get())) {
                        throw new AssertionError("source and destination differ:\n" + last.get().stream()
                                .map(TableComparison::describe).collect(Collectors.joining("\n")));
                    }
                });
        return last.get();
    }

    /** Waits until {@code sql} on the destination returns {@code expected} (first column, as text); fails with what it holds. */
    void awaitDestinationRows(String sql, List<String> expected) {
        awaiting("the destination returns " + expected + " from " + sql, Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    try (Connection d = destinationServer.connect()) {
                        return QueryRows.strings(d, sql);
                    } catch (SQLException notYet) {
                        return List.of(notYet.getMessage());
                    }
                }, actual -> assertEquals(expected, actual, "rows from " + sql));
    }

    /** Waits until a task of {@code connector} has failed; returns its trace. */
    String awaitFailedTask(String connector, Duration timeout) {
        return Awaitility.await(connector + " has a failed task").atMost(timeout).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    try {
                        var failed = stack.rest().status(connector).failedTasks();
                        return failed.isEmpty() ? null : failed.get(0).trace();
                    } catch (ConnectRestException notYet) {
                        return null; // a connector just created has no status for a moment
                    }
                }, trace -> trace != null);
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
