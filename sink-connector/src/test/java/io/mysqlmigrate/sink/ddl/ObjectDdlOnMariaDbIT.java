package io.mysqlmigrate.sink.ddl;

import static io.mysqlmigrate.sink.SinkTaskOnDestination.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.dialect.ObjectContext;
import io.mysqlmigrate.sink.DebeziumEvents;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.sink.MigrationSinkTask;
import io.mysqlmigrate.sink.RecordingSinkTaskContext;
import io.mysqlmigrate.sink.SinkTaskOnDestination;
import io.mysqlmigrate.sink.retry.PolicyStopException;
import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.ServerOptions;
import io.mysqlmigrate.stack.SharedStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/**
 * The views, routines, triggers and events the source migrates itself, applied by a real sink task to a real MariaDB:
 * each is created in the session the source recorded for it (sql_mode, client character set, collations), the sink's
 * own session comes back afterwards, and a statement the destination refuses for good stops the task at once.
 */
class ObjectDdlOnMariaDbIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Schema ROW = SchemaBuilder.struct().optional().field("id", Schema.INT32_SCHEMA)
            .field("v", Schema.OPTIONAL_STRING_SCHEMA).build();

    private static SinkRecord withContext(SinkRecord r, ObjectContext context) {
        context.headers().forEach(r.headers()::addString);
        return r;
    }

    private static Map<String, String> showCreate(Connection c, String sql) throws SQLException {
        Map<String, String> row = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
            }
        }
        return row;
    }

    @Test
    void aRoutineIsCreatedInItsOwnSqlModeCharacterSetAndDatabaseCollationAndTheSinksSessionComesBack() throws Exception {
        MariaDbServer destination = SharedStack.databasesOnly().destination();
        String db = "objctx_" + SEQUENCE.incrementAndGet() + "_" + System.nanoTime() % 100000;
        String topic = "it." + db;
        DebeziumEvents events = new DebeziumEvents(topic, db);
        SinkTaskOnDestination sink = new SinkTaskOnDestination(destination, "objctx-it-" + db, topic);
        MigrationSinkTask task = sink.start(new RecordingSinkTaskContext());
        ObjectContext context = new ObjectContext("PROCEDURE", "p", "PIPES_AS_CONCAT,ANSI_QUOTES", "latin1", "latin1_swedish_ci",
                "latin1_swedish_ci", null);
        deliver(task, List.of(
                events.ddl(true, "CREATE DATABASE IF NOT EXISTS `" + db + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci", null, null),
                events.ddl(true, "CREATE TABLE `t` (`id` int NOT NULL, `v` varchar(20) DEFAULT NULL, PRIMARY KEY (`id`))", "CREATE", "t",
                        "id", "v"),
                // Printed by the source under the routine's own ANSI_QUOTES: "p" and "v" are names there, strings elsewhere.
                withContext(events.ddl(false, "CREATE PROCEDURE \"p\"()\n    SQL SECURITY INVOKER\nSELECT 'caf\u00e9' || 'x' AS \"v\"",
                        null, null), context),
                // The sink's own session again: a double-quoted string, and a non-ASCII value bound in UTF-8.
                events.ddl(false, "ALTER TABLE `t` COMMENT = \"restored\"", "ALTER", "t", "id", "v"),
                events.row("c", "t", ROW, null, Map.of("id", 1, "v", "na\u00efve \u20ac"), "id")));
        task.stop();
        try (Connection d = destination.connect(db)) {
            Map<String, String> shown = showCreate(d, "SHOW CREATE PROCEDURE p");
            assertEquals("PIPES_AS_CONCAT,ANSI_QUOTES", shown.get("sql_mode"), shown.toString());
            assertEquals("latin1", shown.get("character_set_client"), shown.toString());
            assertEquals("latin1_swedish_ci", shown.get("collation_connection"), shown.toString());
            assertEquals("latin1_swedish_ci", shown.get("Database Collation"), shown.toString());
            assertEquals("caf\u00e9x", showCreate(d, "CALL p()").get("v"), "|| concatenates, and the é was stored as latin1");
            assertEquals("utf8mb4_general_ci", showCreate(d, "SELECT DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA "
                    + "WHERE SCHEMA_NAME = '" + db + "'").get("DEFAULT_COLLATION_NAME"), "the database's own collation is back");
            assertEquals("restored", sink.string("SELECT TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + db
                    + "' AND TABLE_NAME = 't'"), "the sink's sql_mode is back: \"restored\" is a string again");
            assertEquals("na\u00efve \u20ac", sink.string("SELECT v FROM " + db + ".t WHERE id = 1"), "the sink's character set is back");
        }
    }

    @Test
    void aFunctionADestinationWithABinaryLogRefusesStopsTheTaskAtOnceNamingTheObjectAndTheFix() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "objddl");
        try (MariaDbServer destination = MariaDbServer.start(ServerOptions.builder().name("binlog-destination").baseDir(dir)
                .serverId(81).binlog(true).build())) {
            String db = "objfail";
            String user = "nosuper";
            destination.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'pw'", "GRANT ALL ON " + db + ".* TO '" + user + "'@'%'",
                    "GRANT ALL ON mysql_migrate.* TO '" + user + "'@'%'");
            String topic = "it." + db;
            DebeziumEvents events = new DebeziumEvents(topic, db);
            SinkTaskOnDestination sink = new SinkTaskOnDestination(destination, "objfail-it", topic);
            RecordingSinkTaskContext context = new RecordingSinkTaskContext();
            MigrationSinkTask task = sink.start(context, MigrationSinkConfig.DESTINATION_USER, user,
                    MigrationSinkConfig.DESTINATION_PASSWORD, "pw");
            deliver(task, List.of(events.ddl(true, "CREATE DATABASE IF NOT EXISTS `" + db + "`", null, null)));
            SinkRecord function = withContext(events.ddl(false, "CREATE FUNCTION `f`(x INT) RETURNS int(11)\n    SQL SECURITY INVOKER\n"
                    + "RETURN x * 2", null, null), new ObjectContext("FUNCTION", "f", "STRICT_TRANS_TABLES", "utf8mb4",
                    "utf8mb4_general_ci", "utf8mb4_general_ci", null));
            PolicyStopException stop = assertThrows(PolicyStopException.class, () -> deliver(task, List.of(function)),
                    "the first attempt fails the task: retrying can never help");
            assertEquals(-1, context.lastTimeoutMs, "no retry was scheduled");
            String m = stop.getMessage();
            assertTrue(m.contains("function `" + db + "`.`f`"), "names the object: " + m);
            assertTrue(m.contains("error 1418") || m.contains("error 1419"), "names the error: " + m);
            assertTrue(m.contains("SET GLOBAL log_bin_trust_function_creators = 1"), "names the fix: " + m);
            assertTrue(m.contains(topic + "-0 offset " + function.kafkaOffset()), "names topic, partition and offset: " + m);
            task.stop();

            destination.execute("SET GLOBAL log_bin_trust_function_creators = 1"); // the operator's fix
            MigrationSinkTask restarted = sink.start(new RecordingSinkTaskContext(), MigrationSinkConfig.DESTINATION_USER, user,
                    MigrationSinkConfig.DESTINATION_PASSWORD, "pw");
            deliver(restarted, List.of(function));
            restarted.stop();
            assertEquals("42", sink.string("SELECT " + db + ".f(21)"));
        }
    }
}
