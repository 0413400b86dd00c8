package io.mysqlmigrate.sink;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.stack.MariaDbServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/**
 * What the sink's integration tests share: a real sink task started against the harness's destination server for
 * one topic partition, and one-value queries on that destination.
 */
public final class SinkTaskOnDestination {

    private final MariaDbServer destination;
    private final String connectorName;
    private final String topic;

    public SinkTaskOnDestination(MariaDbServer destination, String connectorName, String topic) {
        this.destination = destination;
        this.connectorName = connectorName;
        this.topic = topic;
    }

    public String connectorName() {
        return connectorName;
    }

    /** A started task, partition 0 of the topic opened, with the given extra settings (name, value, ...). */
    public MigrationSinkTask start(RecordingSinkTaskContext context, String... settings) {
        Map<String, String> props = new HashMap<>();
        props.put("name", connectorName);
        props.put(MigrationSinkConfig.DESTINATION_HOSTNAME, destination.host());
        props.put(MigrationSinkConfig.DESTINATION_PORT, Integer.toString(destination.port()));
        props.put(MigrationSinkConfig.DESTINATION_USER, destination.user());
        props.put(MigrationSinkConfig.DESTINATION_PASSWORD, destination.password());
        for (int i = 0; i < settings.length; i += 2) {
            props.put(settings[i], settings[i + 1]);
        }
        MigrationSinkTask task = new MigrationSinkTask();
        task.initialize(context);
        task.start(props);
        task.open(List.of(new TopicPartition(topic, 0)));
        return task;
    }

    /**
     * Hands a batch to the task as Connect does, followed by the empty call Connect makes on its next poll. The task
     * applies a batch on its own thread while Connect converts the next; by the end of that second call this batch
     * is committed, or its failure has been thrown (as Connect would see it).
     */
    public static void deliver(SinkTask task, Collection<SinkRecord> records) {
        task.put(records);
        task.put(List.of());
    }

    public long count(String sql) throws SQLException {
        try (Connection c = destination.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), "no row for " + sql);
            return rs.getLong(1);
        }
    }

    public String string(String sql) throws SQLException {
        try (Connection c = destination.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), "no row for " + sql);
            return rs.getString(1);
        }
    }
}
