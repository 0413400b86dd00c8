package io.mysqlmigrate.source.phase;

import java.lang.management.ManagementFactory;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Whether Debezium's snapshot has finished, read from the snapshot metrics Debezium registers for our topic prefix
 * ({@code debezium.mysql:...} or {@code debezium.mariadb:...}, {@code context=snapshot}). Its event queue may still
 * hold the last records when this turns true; the task waits for an empty poll as well.
 */
public final class DebeziumSnapshotProgress {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName pattern;

    public DebeziumSnapshotProgress(String topicPrefix) {
        try {
            this.pattern = new ObjectName("debezium.*:type=connector-metrics,context=snapshot,server=" + topicPrefix + ",*");
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("Topic prefix '" + topicPrefix + "' cannot name Debezium's metrics", e);
        }
    }

    public boolean completed() {
        Set<ObjectName> names = server.queryNames(pattern, null);
        for (ObjectName name : names) {
            try {
                if (Boolean.TRUE.equals(server.getAttribute(name, "SnapshotCompleted"))) {
                    return true;
                }
            } catch (JMException e) {
                // unregistered between the query and the read: not completed as far as we can tell
            }
        }
        return false;
    }
}
