package io.mysqlmigrate.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/**
 * Starts the JVM-wide shared stack without a plugin path: two real MariaDB servers and a real Kafka broker,
 * no Connect worker. (This module's failsafe run does not set mysqlmigrate.plugin.path.)
 */
class SharedStackMariaDbAndKafkaBrokerIT {

    @Test
    void databasesOnlyThenFullStackShareTheSameServers() throws Exception {
        assertEquals(null, System.getProperty(SharedStack.PLUGIN_PATH_PROPERTY),
                "this test expects the plugin path property to be unset");
        SharedStack databases = SharedStack.databasesOnly();
        assertSame(databases, SharedStack.databasesOnly());
        assertThrows(IllegalStateException.class, databases::broker);

        long begin = System.nanoTime();
        SharedStack stack = SharedStack.get();
        System.out.printf("[measure] SharedStack.get() after databasesOnly(): %d ms%n",
                (System.nanoTime() - begin) / 1_000_000);
        assertSame(databases, stack);
        assertSame(stack, SharedStack.get());
        assertTrue(stack.baseDir().startsWith(Path.of("target").toAbsolutePath()), stack.baseDir().toString());
        assertTrue(stack.baseDir().getFileName().toString().startsWith("stack-"));

        assertEquals(1, intQuery(stack.source(), "SELECT @@server_id"));
        assertEquals(2, intQuery(stack.destination(), "SELECT @@server_id"));
        assertEquals(1, intQuery(stack.source(), "SELECT @@log_bin"));
        assertNotEquals(stack.source().port(), stack.destination().port());

        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            assertFalse(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty());
        }

        assertFalse(stack.hasWorker());
        IllegalStateException noWorker = assertThrows(IllegalStateException.class, stack::worker);
        assertTrue(noWorker.getMessage().contains(SharedStack.PLUGIN_PATH_PROPERTY), noWorker.getMessage());
        assertThrows(IllegalStateException.class, stack::rest);
    }

    private static int intQuery(MariaDbServer server, String sql) throws Exception {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
