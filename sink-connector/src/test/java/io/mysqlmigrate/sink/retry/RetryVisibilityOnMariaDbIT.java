package io.mysqlmigrate.sink.retry;

import static io.mysqlmigrate.sink.SinkTaskOnDestination.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.sink.DebeziumEvents;
import io.mysqlmigrate.sink.MigrationSinkTask;
import io.mysqlmigrate.sink.RecordingSinkTaskContext;
import io.mysqlmigrate.sink.SinkTaskOnDestination;
import io.mysqlmigrate.sink.metrics.SinkTaskMetrics;
import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.SharedStack;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/**
 * A sink task retrying inside its window shows RUNNING in Connect; what shows that it is stuck: the task's JMX bean
 * (Retrying, RetryFailure, RetryingSinceEpochMillis, RetryWindowEndEpochMillis, RetryAttempts) and its row in the
 * destination's {@code sink_retries}, read by {@code mysql-migrate status} and the local run. Both clear when a batch
 * succeeds. The failure: a destination table an operator renamed, which an operator can undo within the window (a
 * value the destination cannot hold is no such failure: it never applies, see {@link FailureClassifier}).
 */
class RetryVisibilityOnMariaDbIT {

    private static final Schema ROW = SchemaBuilder.struct().optional().field("id", Schema.INT32_SCHEMA)
            .field("v", Schema.OPTIONAL_STRING_SCHEMA).build();

    @Test
    void aRetriedFailureShowsOnTheBeanAndInTheDestinationUntilABatchSucceeds() throws Exception {
        MariaDbServer destination = SharedStack.databasesOnly().destination();
        String db = "retryvis_" + System.nanoTime() % 1_000_000;
        String topic = "it." + db;
        DebeziumEvents events = new DebeziumEvents(topic, db);
        SinkTaskOnDestination sink = new SinkTaskOnDestination(destination, "retryvis-" + db, topic);
        RecordingSinkTaskContext context = new RecordingSinkTaskContext();
        MigrationSinkTask task = sink.start(context);
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName bean = SinkTaskMetrics.objectName(sink.connectorName(), "0");
        try {
            deliver(task, List.of(events.ddl(true, "CREATE DATABASE IF NOT EXISTS `" + db + "`", null, null),
                    events.ddl(true, "CREATE TABLE `t` (`id` int NOT NULL, `v` varchar(20) DEFAULT NULL, PRIMARY KEY (`id`))",
                            "CREATE", "t", "id", "v"),
                    events.row("r", "t", ROW, null, Map.of("id", 1, "v", "one"), "id")));
            assertEquals(false, jmx.getAttribute(bean, "Retrying"));

            destination.execute("RENAME TABLE " + db + ".t TO " + db + ".t_aside"); // an operator's mistake
            List<SinkRecord> rejected = List.of(events.row("c", "t", ROW, null, Map.of("id", 2, "v", "three"), "id"));
            long before = System.currentTimeMillis();
            assertThrows(RetriableException.class, () -> deliver(task, rejected));
            assertThrows(RetriableException.class, () -> deliver(task, rejected));

            assertEquals(true, jmx.getAttribute(bean, "Retrying"));
            String failure = (String) jmx.getAttribute(bean, "RetryFailure");
            assertTrue(failure.contains("`" + db + "`.`t` does not exist"), failure);
            assertEquals(2, jmx.getAttribute(bean, "RetryAttempts"));
            long since = (Long) jmx.getAttribute(bean, "RetryingSinceEpochMillis");
            long until = (Long) jmx.getAttribute(bean, "RetryWindowEndEpochMillis");
            assertTrue(since >= before - 1000 && since <= System.currentTimeMillis(), "since " + since);
            assertTrue(until > System.currentTimeMillis(), "the window ends in the future: " + until);

            Map<Integer, RetryEpisode> recorded;
            try (Connection c = destination.connect()) {
                recorded = RetryRecords.read(c, "mysql_migrate", sink.connectorName());
            }
            assertEquals(List.of(0), List.copyOf(recorded.keySet()), "task 0 is recorded as retrying: " + recorded);
            String line = recorded.get(0).describe();
            assertTrue(line.startsWith("retrying since " + java.time.Instant.ofEpochMilli(since) + " (attempt 2, other failure; "
                    + "gives up at "), line);
            assertTrue(line.contains(" by retry.other.minutes): ") && line.contains("`" + db + "`.`t` does not exist"), line);

            destination.execute("RENAME TABLE " + db + ".t_aside TO " + db + ".t"); // the operator's fix
            deliver(task, rejected);
            assertEquals("three", sink.string("SELECT v FROM " + db + ".t WHERE id = 2"));
            assertEquals(false, jmx.getAttribute(bean, "Retrying"));
            assertEquals("", jmx.getAttribute(bean, "RetryFailure"));
            assertEquals(0, jmx.getAttribute(bean, "RetryAttempts"));
            assertEquals(0L, jmx.getAttribute(bean, "RetryingSinceEpochMillis"));
            try (Connection c = destination.connect()) {
                assertTrue(RetryRecords.read(c, "mysql_migrate", sink.connectorName()).isEmpty(), "cleared in the destination");
            }
        } finally {
            task.stop();
        }
        assertFalse(jmx.isRegistered(bean));
    }
}
