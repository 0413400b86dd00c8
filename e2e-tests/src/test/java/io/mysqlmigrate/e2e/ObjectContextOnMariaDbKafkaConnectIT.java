package io.mysqlmigrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mysqlmigrate.precheck.cli.OperatorCli;
import io.mysqlmigrate.stack.SharedStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A procedure, a function, a view, an event and a trigger defined by a latin1 client under an sql_mode far from the
 * default (ANSI_QUOTES: double quotes name things; PIPES_AS_CONCAT: || concatenates; NO_BACKSLASH_ESCAPES: '\' is a
 * backslash) and another time zone, migrated through the real stack (source and destination MariaDB, Kafka, Connect):
 * the views, routines and the event by the sink, the trigger, held back, by the cut-over. Each must arrive with the
 * sql_mode, character_set_client, collation_connection, database collation (and time_zone) the source recorded, as
 * SHOW CREATE shows them, with the same body, and behave the same.
 */
class ObjectContextOnMariaDbKafkaConnectIT {

    private static final String MODE = "PIPES_AS_CONCAT,ANSI_QUOTES,NO_BACKSLASH_ESCAPES,STRICT_ALL_TABLES";

    private final SharedStack stack = SharedStack.get();

    @Test
    void objectsArriveInTheSqlModeAndCharacterSetTheyWereDefinedInAndBehaveTheSame() throws Exception {
        String db = "oc_ctx";
        stack.source().execute("CREATE DATABASE " + db + " CHARACTER SET latin1 COLLATE latin1_swedish_ci",
                "CREATE TABLE " + db + ".items (id INT PRIMARY KEY, name VARCHAR(40), label VARCHAR(80)) CHARACTER SET utf8mb4",
                "INSERT INTO " + db + ".items VALUES (1, 'one', NULL)");
        // A latin1 client: the driver sends latin1 bytes, the server records character_set_client = latin1.
        String latin1Client = "jdbc:mysql://" + stack.source().host() + ":" + stack.source().port() + "/" + db
                + "?useSSL=false&allowPublicKeyRetrieval=true&connectionCollation=latin1_swedish_ci";
        try (Connection c = DriverManager.getConnection(latin1Client, "root", ""); Statement st = c.createStatement()) {
            st.execute("SET SESSION sql_mode = '" + MODE + "', time_zone = '+03:00'");
            st.execute("CREATE FUNCTION \"f_label\"(n INT) RETURNS VARCHAR(60) DETERMINISTIC RETURN 'caf\u00e9 ' || n || '\\'");
            st.execute("CREATE PROCEDURE \"p_label\"(IN n INT) SELECT f_label(n) || '!' AS \"label\"");
            st.execute("CREATE VIEW \"v_items\" AS SELECT \"id\", \"name\" || '-\u00e9' AS \"tag\" FROM \"items\"");
            st.execute("CREATE TRIGGER \"tr_items\" BEFORE INSERT ON \"items\" FOR EACH ROW SET NEW.\"label\" = NEW.\"name\" || ' \u00e9\\'");
            st.execute("CREATE EVENT \"ev_items\" ON SCHEDULE EVERY 1 HOUR STARTS '2030-01-01 00:00:00' DO "
                    + "UPDATE \"items\" SET \"label\" = \"name\" || '\\' WHERE \"id\" < 0");
        }
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "object-context");
        try (Migration migration = new Migration(stack, "m-object-context", List.of(db))) {
            Map<String, String> sourceConfig = new LinkedHashMap<>(migration.source.config());
            sourceConfig.put("events.migrate", "true");
            sourceConfig.put("objects.sync.interval.ms", "1000");
            migration.start(sourceConfig, Map.of());
            String routines = "SELECT CONCAT_WS(':', ROUTINE_NAME, SQL_MODE) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = '"
                    + db + "' ORDER BY ROUTINE_NAME";
            List<String> sourceRoutines;
            try (Connection s = stack.source().connect()) {
                sourceRoutines = QueryRows.strings(s, routines);
            }
            assertEquals(2, sourceRoutines.size());
            assertTrue(sourceRoutines.get(0).startsWith("f_label:") && sourceRoutines.get(0).contains("ANSI_QUOTES"), sourceRoutines.toString());
            migration.awaitDestinationRows(routines, sourceRoutines);
            migration.awaitDestinationRows("SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = '" + db + "'",
                    List.of("v_items"));
            migration.awaitDestinationRows("SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = '" + db + "'",
                    List.of("ev_items"));
            stack.source().execute("INSERT INTO " + db + ".items (id, name) VALUES (2, 'two')"); // the source's trigger writes label
            migration.awaitDestinationRows("SELECT label FROM " + db + ".items WHERE id = 2", List.of("two \u00e9\\"));

            try (Connection s = stack.source().connect(db); Connection d = stack.destination().connect(db)) {
                for (String object : List.of("FUNCTION f_label", "PROCEDURE p_label", "VIEW v_items", "EVENT ev_items")) {
                    assertEquals(context(s, "SHOW CREATE " + object), context(d, "SHOW CREATE " + object), object);
                }
                assertEquals(QueryRows.strings(s, "SELECT ROUTINE_DEFINITION FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = '"
                        + db + "' ORDER BY ROUTINE_NAME"), QueryRows.strings(d, "SELECT ROUTINE_DEFINITION FROM "
                        + "information_schema.ROUTINES WHERE ROUTINE_SCHEMA = '" + db + "' ORDER BY ROUTINE_NAME"), "the same bodies");
                assertEquals(List.of("caf\u00e9 3\\"), QueryRows.strings(s, "SELECT f_label(3)"));
                assertEquals(QueryRows.strings(s, "SELECT f_label(3)"), QueryRows.strings(d, "SELECT f_label(3)"),
                        "|| concatenates and '\\' is one backslash on the destination too");
                assertEquals(List.of("caf\u00e9 3\\!"), QueryRows.strings(d, "CALL p_label(3)"));
                assertEquals(QueryRows.strings(s, "SELECT tag FROM v_items ORDER BY id"), QueryRows.strings(d, "SELECT tag FROM v_items ORDER BY id"));
            }

            // The cut-over creates the held-back trigger, in the context the source recorded for it.
            ObjectMapper json = new ObjectMapper();
            Path sourceFile = dir.resolve("source.json");
            Path sinkFile = dir.resolve("sink.json");
            Files.writeString(sourceFile, json.writeValueAsString(Map.of("name", migration.source.name(), "config", sourceConfig)));
            Files.writeString(sinkFile, json.writeValueAsString(Map.of("name", migration.sink.name(), "config", migration.sink.config())));
            String out = cli("cutover", "--source-config", sourceFile.toString(), "--sink-config", sinkFile.toString(),
                    "--connect-url", stack.rest().restUrl(), "--set-source-read-only", "--max-delay-ms", "5000", "--timeout-seconds", "120");
            assertTrue(out.contains("1 triggers created, 1 events enabled"), out);
            try (Connection s = stack.source().connect(db); Connection d = stack.destination().connect(db); Statement st = d.createStatement()) {
                assertEquals(context(s, "SHOW CREATE TRIGGER tr_items"), context(d, "SHOW CREATE TRIGGER tr_items"));
                assertEquals(context(s, "SHOW CREATE EVENT ev_items"), context(d, "SHOW CREATE EVENT ev_items"), "enabled, same context");
                st.execute("INSERT INTO items (id, name) VALUES (3, 'three')");
                assertEquals(List.of("two \u00e9\\", "three \u00e9\\"), QueryRows.strings(d, "SELECT label FROM items WHERE id IN (2, 3) ORDER BY id"),
                        "the trigger concatenates on the destination as on the source");
            }
        } finally {
            stack.source().execute("SET GLOBAL read_only = OFF");
        }
    }

    /** A SHOW CREATE row without its statement text and creation time: the session context the object was recorded with. */
    private static Map<String, String> context(Connection c, String sql) throws SQLException {
        Map<String, String> row = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                String label = rs.getMetaData().getColumnLabel(i);
                if (!label.startsWith("Create") && !label.equals("SQL Original Statement")) {
                    row.put(label, rs.getString(i));
                }
            }
        }
        assertTrue(row.containsKey("character_set_client") && row.containsKey("collation_connection"), row.toString());
        return row;
    }

    private static String cli(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            code = new CommandLine(new OperatorCli()).execute(args);
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, out);
        return out;
    }
}
