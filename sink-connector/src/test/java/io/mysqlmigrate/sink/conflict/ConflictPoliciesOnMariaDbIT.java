package io.mysqlmigrate.sink.conflict;

import static io.mysqlmigrate.sink.SinkTaskOnDestination.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.sink.DebeziumEvents;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.sink.MigrationSinkTask;
import io.mysqlmigrate.sink.RecordingSinkTaskContext;
import io.mysqlmigrate.sink.SinkTaskOnDestination;
import io.mysqlmigrate.sink.retry.ApplyException;
import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.SharedStack;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DTS conflict policies, and tables without a primary key, against a real MariaDB destination. */
class ConflictPoliciesOnMariaDbIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Schema USER = SchemaBuilder.struct().optional().field("id", Schema.INT32_SCHEMA)
            .field("email", Schema.OPTIONAL_STRING_SCHEMA).field("name", Schema.OPTIONAL_STRING_SCHEMA).build();
    private static final String CREATE_USERS = "CREATE TABLE `users` (`id` int NOT NULL, `email` varchar(40) DEFAULT NULL, "
            + "`name` varchar(40) DEFAULT NULL, PRIMARY KEY (`id`), UNIQUE KEY `uk_email` (`email`))";

    private MariaDbServer destination;
    private String db;
    private String topic;
    private DebeziumEvents events;
    private SinkTaskOnDestination sink;

    @BeforeEach
    void setUp() {
        destination = SharedStack.databasesOnly().destination();
        db = "conflict_" + SEQUENCE.incrementAndGet() + "_" + System.nanoTime() % 100000;
        topic = "it." + db;
        events = new DebeziumEvents(topic, db);
        sink = new SinkTaskOnDestination(destination, "conflict-it-" + db, topic);
    }

    private MigrationSinkTask start(String... settings) {
        return sink.start(new RecordingSinkTaskContext(), settings);
    }

    private long count(String sql) throws SQLException {
        return sink.count(sql);
    }

    private String string(String sql) throws SQLException {
        return sink.string(sql);
    }

    private static Map<String, Object> user(int id, String email, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("email", email);
        m.put("name", name);
        return m;
    }

    /** The snapshot of a users table holding rows 1 and 2. */
    private List<SinkRecord> usersSnapshot() {
        List<SinkRecord> r = new ArrayList<>();
        r.add(events.ddl(true, "CREATE DATABASE IF NOT EXISTS `" + db + "`", null, null));
        r.add(events.ddl(true, CREATE_USERS, "CREATE", "users", "id", "email", "name"));
        r.add(events.row("r", "users", USER, null, user(1, "a@x", "source-1"), "id"));
        r.add(events.row("r", "users", USER, null, user(2, "b@x", "source-2"), "id"));
        return r;
    }

    private void destinationAlreadyHasUsers() {
        destination.execute("CREATE DATABASE " + db, "USE " + db, CREATE_USERS,
                "INSERT INTO " + db + ".users VALUES (1, 'a@x', 'destination-1')");
    }

    @Test
    void byDefaultAnExistingTableWithRowsStopsTheSnapshotNamingIt() {
        destinationAlreadyHasUsers();
        MigrationSinkTask task = start();
        ApplyException e = assertThrows(ApplyException.class, () -> deliver(task, usersSnapshot()));
        task.stop();
        assertTrue(e.getMessage().contains("`" + db + "`.`users` already exists and holds rows"), e.getMessage());
        assertTrue(e.getMessage().contains("conflict.table.policy=ignore"), "names the fix: " + e.getMessage());
    }

    @Test
    void ignoreMigratesIntoItKeepingTheDestinationsRowByDefault() throws SQLException {
        destinationAlreadyHasUsers();
        MigrationSinkTask task = start(MigrationSinkConfig.CONFLICT_TABLE_POLICY, "ignore");
        deliver(task, usersSnapshot());
        task.stop();
        assertEquals("destination-1", string("SELECT name FROM " + db + ".users WHERE id = 1"));
        assertEquals("source-2", string("SELECT name FROM " + db + ".users WHERE id = 2"));
    }

    @Test
    void fullLoadOverwriteReplacesTheDestinationsRow() throws SQLException {
        destinationAlreadyHasUsers();
        MigrationSinkTask task = start(MigrationSinkConfig.CONFLICT_TABLE_POLICY, "ignore",
                MigrationSinkConfig.CONFLICT_FULL_LOAD_POLICY, "overwrite");
        deliver(task, usersSnapshot());
        task.stop();
        assertEquals("source-1", string("SELECT name FROM " + db + ".users WHERE id = 1"));
    }

    @Test
    void fullLoadFailStopsNamingTheConflict() {
        destinationAlreadyHasUsers();
        MigrationSinkTask task = start(MigrationSinkConfig.CONFLICT_TABLE_POLICY, "ignore",
                MigrationSinkConfig.CONFLICT_FULL_LOAD_POLICY, "fail");
        ApplyException e = assertThrows(ApplyException.class, () -> deliver(task, usersSnapshot()));
        task.stop();
        assertTrue(e.getMessage().contains("conflict.full.load.policy"), e.getMessage());
    }

    @Test
    void anUpsertNeverOverwritesARowWithAnotherPrimaryKey() throws Exception {
        MigrationSinkTask task = start();
        deliver(task, usersSnapshot());
        // A row that is not the source's holds the unique email the next streamed insert uses.
        destination.execute("INSERT INTO " + db + ".users VALUES (100, 'c@x', 'not-from-source')");
        deliver(task, List.of(events.row("c", "users", USER, null, user(5, "c@x", "source-5"), "id"),
                // and an update that takes over an email the source freed in the same batch stays in order
                events.row("u", "users", USER, user(1, "a@x", "source-1"), user(1, "a2@x", "source-1"), "id"),
                events.row("u", "users", USER, user(2, "b@x", "source-2"), user(2, "a@x", "source-2"), "id")));
        var metrics = javax.management.JMX.newMXBeanProxy(java.lang.management.ManagementFactory.getPlatformMBeanServer(),
                io.mysqlmigrate.sink.metrics.SinkTaskMetrics.objectName(sink.connectorName(), "0"),
                io.mysqlmigrate.sink.metrics.SinkTaskMetricsMXBean.class);
        assertEquals(Long.valueOf(1), metrics.getConflictsByPolicy().get("unique-key-row-replaced"), "the conflict is counted");
        task.stop();
        assertEquals("source-5", string("SELECT name FROM " + db + ".users WHERE email = 'c@x'"));
        assertEquals(0, count("SELECT COUNT(*) FROM " + db + ".users WHERE id = 100"), "the clashing foreign row is gone");
        assertEquals(2, count("SELECT id FROM " + db + ".users WHERE email = 'a@x'"));
        assertEquals(3, count("SELECT COUNT(*) FROM " + db + ".users"));
    }

    @Test
    void incrementalFailStopsOnAUniqueClashInsteadOfOverwriting() throws SQLException {
        MigrationSinkTask task = start(MigrationSinkConfig.CONFLICT_INCREMENTAL_POLICY, "fail");
        deliver(task, usersSnapshot());
        destination.execute("INSERT INTO " + db + ".users VALUES (100, 'c@x', 'not-from-source')");
        ApplyException e = assertThrows(ApplyException.class,
                () -> deliver(task, List.of(events.row("u", "users", USER, user(2, "b@x", "source-2"), user(2, "c@x", "source-2"), "id"))));
        task.stop();
        assertTrue(e.getMessage().contains("[100]"), e.getMessage());
        assertEquals("not-from-source", string("SELECT name FROM " + db + ".users WHERE id = 100"));
    }

    @Test
    void incrementalFailStopsOnAnInsertOfAnExistingKey() {
        MigrationSinkTask task = start(MigrationSinkConfig.CONFLICT_INCREMENTAL_POLICY, "fail");
        deliver(task, usersSnapshot());
        ApplyException e = assertThrows(ApplyException.class,
                () -> deliver(task, List.of(events.row("c", "users", USER, null, user(1, "z@x", "again"), "id"))));
        task.stop();
        assertTrue(e.getMessage().contains("conflict.incremental.policy"), e.getMessage());
    }

    private static final Schema LOG_ROW = SchemaBuilder.struct().optional().field("at", Schema.INT32_SCHEMA)
            .field("msg", Schema.OPTIONAL_STRING_SCHEMA).build();

    private List<SinkRecord> logTableWithoutKey(String extraIndex) {
        List<SinkRecord> r = new ArrayList<>();
        r.add(events.ddl(true, "CREATE DATABASE IF NOT EXISTS `" + db + "`", null, null));
        r.add(events.ddl(true, "CREATE TABLE `log` (`at` int NOT NULL, `msg` varchar(20) DEFAULT NULL" + extraIndex + ")",
                "CREATE", "log", "at", "msg"));
        r.add(events.row("r", "log", LOG_ROW, null, Map.of("at", 1, "msg", "one")));
        r.add(events.row("r", "log", LOG_ROW, null, Map.of("at", 2, "msg", "two")));
        return r;
    }

    @Test
    void aTableWithoutPrimaryKeyStopsTheTaskByDefault() {
        MigrationSinkTask task = start();
        ApplyException e = assertThrows(ApplyException.class, () -> deliver(task, logTableWithoutKey("")));
        task.stop();
        assertTrue(e.getMessage().contains(db + ".log has no primary key"), e.getMessage());
        assertTrue(e.getMessage().contains("tables.without.primary.key"), e.getMessage());
    }

    @Test
    void allColumnsMatchesUpdatesAndDeletesOnTheOldImage() throws SQLException {
        MigrationSinkTask task = start(MigrationSinkConfig.TABLES_WITHOUT_PRIMARY_KEY, "all-columns");
        deliver(task, logTableWithoutKey(""));
        Map<String, Object> twoAgain = Map.of("at", 2, "msg", "two");
        deliver(task, List.of(events.row("c", "log", LOG_ROW, null, twoAgain),
                events.row("u", "log", LOG_ROW, Map.of("at", 1, "msg", "one"), Map.of("at", 1, "msg", "uno")),
                events.row("d", "log", LOG_ROW, twoAgain, null)));
        task.stop();
        assertEquals("uno", string("SELECT msg FROM " + db + ".log WHERE at = 1"));
        assertEquals(1, count("SELECT COUNT(*) FROM " + db + ".log WHERE at = 2"), "one of the two equal rows was deleted");
    }

    @Test
    void uniqueKeyStandsInForTheMissingPrimaryKey() throws SQLException {
        MigrationSinkTask task = start(MigrationSinkConfig.TABLES_WITHOUT_PRIMARY_KEY, "unique-key");
        deliver(task, logTableWithoutKey(", UNIQUE KEY `uk_at` (`at`)"));
        deliver(task, List.of(events.row("u", "log", LOG_ROW, Map.of("at", 1, "msg", "one"), Map.of("at", 1, "msg", "uno")),
                events.row("d", "log", LOG_ROW, Map.of("at", 2, "msg", "two"), null)));
        deliver(task, List.of(events.row("u", "log", LOG_ROW, Map.of("at", 1, "msg", "one"), Map.of("at", 1, "msg", "uno"))));
        task.stop();
        assertEquals(1, count("SELECT COUNT(*) FROM " + db + ".log"));
        assertEquals("uno", string("SELECT msg FROM " + db + ".log WHERE at = 1"));
    }

    @Test
    void anUpdateOfTheStandInUniqueKeyMovesTheRow() throws SQLException {
        MigrationSinkTask task = start(MigrationSinkConfig.TABLES_WITHOUT_PRIMARY_KEY, "unique-key");
        deliver(task, logTableWithoutKey(", UNIQUE KEY `uk_at` (`at`)"));
        deliver(task, List.of(events.row("u", "log", LOG_ROW, Map.of("at", 1, "msg", "one"), Map.of("at", 10, "msg", "one"))));
        task.stop();
        assertEquals(0, count("SELECT COUNT(*) FROM " + db + ".log WHERE at = 1"), "the row under its old key is gone");
        assertEquals(1, count("SELECT COUNT(*) FROM " + db + ".log WHERE at = 10"));
    }

    @Test
    void appendOnlyInsertsAndIgnoresUpdatesAndDeletes() throws SQLException {
        MigrationSinkTask task = start(MigrationSinkConfig.TABLES_WITHOUT_PRIMARY_KEY, "append-only");
        deliver(task, logTableWithoutKey(""));
        deliver(task, List.of(events.row("c", "log", LOG_ROW, null, Map.of("at", 3, "msg", "three")),
                events.row("d", "log", LOG_ROW, Map.of("at", 1, "msg", "one"), null)));
        task.stop();
        assertEquals(3, count("SELECT COUNT(*) FROM " + db + ".log"));
    }

}
