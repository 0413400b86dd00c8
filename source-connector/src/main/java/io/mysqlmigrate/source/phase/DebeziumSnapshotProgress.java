package io.mysqlmigrate.source.phase;

import io.mysqlmigrate.connect.JmxBeans;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Whether Debezium's snapshot has finished, read from the snapshot metrics Debezium registers for our topic prefix
 * ({@code debezium.mysql:...} or {@code debezium.mariadb:...}, {@code context=snapshot}). Its event queue may still
 * hold the last records when this turns true; the task waits for an empty poll as well.
 */
public final class DebeziumSnapshotProgress {

    private final ObjectName pattern;

    public DebeziumSnapshotProgress(String topicPrefix) {
        try {
            this.pattern = JmxBeans.name("debezium.*").plain("type", "connector-metrics").plain("context", "snapshot")
                    .plain("server", topicPrefix).pattern();
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("Topic prefix '" + topicPrefix + "' cannot name Debezium's metrics", e);
        }
    }

    public boolean completed() {
        // a bean unregistered between the query and the read is left out: not completed as far as we can tell
        return JmxBeans.read(pattern, "SnapshotCompleted").stream().anyMatch(bean -> Boolean.TRUE.equals(bean.get("SnapshotCompleted")));
    }
}
