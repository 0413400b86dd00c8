package io.mysqlmigrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mysqlmigrate.precheck.cli.OperatorCli;
import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.stack.DatabaseServer;
import io.mysqlmigrate.stack.FlavourPair;
import io.mysqlmigrate.stack.SharedStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/**
 * The source's binary log connection killed on the server ({@code KILL} of the Binlog Dump thread), on real servers
 * (a MariaDB and a MySQL 9.7 source, a MariaDB destination, Kafka, Connect): the source task warns within seconds,
 * naming the source, its bean shows the connection lost and then back, the reader reconnects by itself, a row written
 * after the kill reaches the destination within {@link #ARRIVAL_BOUND}, and {@code status} shows the reconnection.
 * <p>
 * The bound: with {@code binlog.keepalive.interval.ms=5000} the reader notices a silent connection 5 to 10 s after
 * the last event it received (its check runs every 5 s and needs 5 s of silence; the source sends a heartbeat after
 * 4 s of silence, so the last event is at most 4 s before the kill), then reconnects in well under a second; the sink
 * applies the row within a second of its capture. 15 s leaves about 4 s for a loaded machine.
 */
class BinlogConnectionLossOnMariaDbAndMySqlKafkaConnectIT {

    static final Duration ARRIVAL_BOUND = Duration.ofSeconds(15);

    private final SharedStack stack = SharedStack.get();

    @ParameterizedTest
    @EnumSource(value = FlavourPair.class, names = {"MARIADB_TO_MARIADB", "MYSQL_TO_MARIADB"})
    void aKilledBinlogConnectionIsReportedAndReestablishedWithinSeconds(FlavourPair pair) throws Exception {
        SharedStack.ServerPair servers = stack.pair(pair);
        DatabaseServer source = servers.source();
        String db = "bl_" + pair.tag();
        // a collation both flavours have: MySQL's default utf8mb4_0900_ai_ci is unknown to the MariaDB destination
        source.execute("DROP DATABASE IF EXISTS " + db, "CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci",
                "CREATE TABLE " + db + ".t (id INT PRIMARY KEY, note VARCHAR(40))", "INSERT INTO " + db + ".t VALUES (1, 'snapshot')");
        String jmx = stack.worker().jmxUrl();
        Path log = stack.worker().logFile();
        try (Migration migration = new Migration(stack, servers, "m-bl-" + pair.tag(), List.of(db))) {
            migration.start();
            String bean = WorkerMetrics.sourceTask(migration.source.name());
            source.execute("INSERT INTO " + db + ".t VALUES (2, 'streamed before the kill')");
            migration.awaitDestinationRows("SELECT id FROM " + db + ".t ORDER BY id", List.of("1", "2"));
            await("the source task's bean reads the binary log as connected",
                    () -> "CONNECTED".equals(read(jmx, bean, "BinlogConnection")), Duration.ofSeconds(30));
            assertEquals(0L, read(jmx, bean, "BinlogReconnects"));
            assertEquals(Boolean.TRUE, read(jmx, bean, "BinlogConnected"));
            long logBefore = Files.size(log);

            List<Long> killed = killBinlogDumpThreads(source);
            long killedAt = System.nanoTime();
            assertFalse(killed.isEmpty(), "a Binlog Dump thread of the connector's account runs on the source");
            source.execute("INSERT INTO " + db + ".t VALUES (3, 'written after the kill')");
            long writtenAt = System.nanoTime();

            String expectedWarning = "Lost the binary log connection to source " + source.host() + ":" + source.port();
            await("the worker log warns that the binary log connection to the source was lost",
                    () -> logSince(log, logBefore).contains(expectedWarning), Duration.ofSeconds(10));
            long warnedAt = System.nanoTime();
            migration.awaitDestinationRows("SELECT id FROM " + db + ".t ORDER BY id", List.of("1", "2", "3"));
            long arrivedAt = System.nanoTime();
            await("the bean shows the connection back, after one reconnection",
                    () -> "CONNECTED".equals(read(jmx, bean, "BinlogConnection")) && (Long) read(jmx, bean, "BinlogReconnects") >= 1,
                    Duration.ofSeconds(30));
            long reconnectedSeen = System.nanoTime();
            String after = logSince(log, logBefore);
            assertTrue(after.contains("The binary log connection to source " + source.host() + ":" + source.port() + " (server "),
                    "the reconnection is logged with the source:\n" + after);
            assertTrue(after.contains(MigrationSourceConfig.BINLOG_KEEPALIVE_INTERVAL_MS + "=5000"),
                    "the warning names the setting that decides how soon it reconnects");
            assertEquals(0L, read(jmx, bean, "BinlogDisconnectedSeconds"));

            long arrival = arrivedAt - writtenAt;
            System.out.printf("%s: binlog connection killed (threads %s); warning logged after %.1f s, row written after the kill "
                            + "on the destination after %.1f s, bean connected again seen after %.1f s; %s%n", pair, killed,
                    (warnedAt - killedAt) / 1e9, arrival / 1e9, (reconnectedSeen - killedAt) / 1e9, backAfter(after));
            assertTrue(arrival < ARRIVAL_BOUND.toNanos(), "the row written after the kill arrived after " + arrival / 1_000_000
                    + " ms, more than " + ARRIVAL_BOUND);

            JsonNode status = status(migration, jmx);
            assertEquals("CONNECTED", status.path("sourceBinlog").path("state").asText(), status.toString());
            assertTrue(status.path("sourceBinlog").path("reconnects").asLong() >= 1, status.toString());
            // rows, not definitions: MySQL and MariaDB print the same table differently
            migration.awaitDestinationRows("SELECT CONCAT(id, ':', note) FROM " + db + ".t ORDER BY id",
                    List.of("1:snapshot", "2:streamed before the kill", "3:written after the kill"));
        }
    }

    /**
     * The connection killed while a large transaction streams: the reader is held back by the incremental throttle, so
     * the source is blocked in the middle of sending a 256 KB row event when its thread is killed, and the reader meets
     * the end of the stream inside an event. Debezium's task stops on that; the capture starts a new one from the
     * committed offsets (capture/CaptureRestarts) and every row arrives. The log says which way the reader came back.
     */
    @ParameterizedTest
    @EnumSource(value = FlavourPair.class, names = {"MARIADB_TO_MARIADB", "MYSQL_TO_MARIADB"})
    void aConnectionKilledWhileALargeTransactionStreamsIsResumedAndEveryRowArrives(FlavourPair pair) throws Exception {
        SharedStack.ServerPair servers = stack.pair(pair);
        DatabaseServer source = servers.source();
        String db = "blx_" + pair.tag();
        int rows = 160;
        source.execute("DROP DATABASE IF EXISTS " + db, "CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci",
                "CREATE TABLE " + db + ".big (id INT PRIMARY KEY, payload LONGBLOB)", "INSERT INTO " + db + ".big VALUES (0, 'snapshot')");
        Path log = stack.worker().logFile();
        try (Migration migration = new Migration(stack, servers, "m-blx-" + pair.tag(), List.of(db))) {
            migration.start(Map.of(MigrationSourceConfig.THROTTLE_INCREMENTAL_ROWS_PER_SECOND, "20"), Map.of());
            migration.awaitDestinationRows("SELECT id FROM " + db + ".big ORDER BY id", List.of("0"));
            long logBefore = Files.size(log);
            try (Connection c = source.connect(); Statement st = c.createStatement(); Connection watch = source.connect()) {
                c.setAutoCommit(false);
                for (int i = 1; i <= rows; i++) {
                    st.execute("INSERT INTO " + db + ".big VALUES (" + i + ", REPEAT(CHAR(65 + " + (i % 26) + "), 262144))");
                }
                c.commit();
                // kill while the source is sending the transaction (not before its thread woke up, not after it sent all)
                Awaitility.await("the source's Binlog Dump thread sends the large transaction").atMost(Duration.ofSeconds(30))
                        .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                        .until(() -> dumpThreadSending(watch, source.user()));
            }
            List<Long> killed = killBinlogDumpThreads(source);
            assertFalse(killed.isEmpty(), "a Binlog Dump thread of the connector's account runs on the source");
            source.execute("INSERT INTO " + db + ".big VALUES (" + (rows + 1) + ", 'written after the kill')");
            String checksum = "SELECT CONCAT(COUNT(*), ':', SUM(LENGTH(payload)), ':', SUM(CRC32(payload))) FROM " + db + ".big";
            List<String> expected;
            try (Connection c = source.connect()) {
                expected = QueryRows.strings(c, checksum);
            }
            assertTrue(expected.get(0).startsWith((rows + 2) + ":"), expected.toString());
            migration.awaitDestinationRows(checksum, expected);
            String after = logSince(log, logBefore);
            System.out.printf("%s: killed %s while a %d-row transaction streamed; the reader %s%n", pair, killed, rows,
                    after.contains("broke in the middle of an event") ? "failed inside an event and the capture started again"
                            : after.contains("is back after") ? "reconnected by itself between events" : "was not seen to lose the connection");
        }
    }

    /** Whether a Binlog Dump thread of the connector's account is sending events (neither idle nor done). */
    private static boolean dumpThreadSending(Connection c, String user) throws Exception {
        return !QueryRows.strings(c, "SELECT ID FROM information_schema.PROCESSLIST WHERE COMMAND IN ('Binlog Dump',"
                + " 'Binlog Dump GTID') AND USER = '" + user + "' AND STATE NOT LIKE '%has sent all binlog%'"
                + " AND STATE NOT LIKE '%waiting%'").isEmpty();
    }

    /** Kills the Binlog Dump threads of the connector's account on the source; returns their ids. */
    private static List<Long> killBinlogDumpThreads(DatabaseServer source) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = source.connect(); Statement st = c.createStatement()) {
            for (String id : QueryRows.strings(c, "SELECT ID FROM information_schema.PROCESSLIST WHERE COMMAND IN "
                    + "('Binlog Dump', 'Binlog Dump GTID') AND USER = '" + source.user() + "'")) {
                st.execute("KILL " + id);
                ids.add(Long.parseLong(id));
            }
        }
        return ids;
    }

    private static Object read(String jmx, String bean, String attribute) {
        try {
            return WorkerMetrics.read(jmx, bean, attribute);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + attribute + " of " + bean + ": " + e, e);
        }
    }

    private static String logSince(Path log, long offset) {
        try {
            byte[] all = Files.readAllBytes(log);
            return offset >= all.length ? "" : new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String backAfter(String log) {
        int at = log.indexOf(" is back after ");
        return at < 0 ? "(no reconnection line)" : "the task logged: connection" + log.substring(at, log.indexOf('\n', at));
    }

    private static void await(String what, BooleanSupplier condition, Duration timeout) {
        Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }

    private JsonNode status(Migration migration, String jmx) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "binlog-status");
        Path sourceFile = dir.resolve("source.json");
        Path sinkFile = dir.resolve("sink.json");
        Files.writeString(sourceFile, json.writeValueAsString(Map.of("name", migration.source.name(), "config", migration.startedSource)));
        Files.writeString(sinkFile, json.writeValueAsString(Map.of("name", migration.sink.name(), "config", migration.startedSink)));
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            code = new CommandLine(new OperatorCli()).execute("status", "--source-config", sourceFile.toString(), "--sink-config",
                    sinkFile.toString(), "--connect-url", stack.rest().restUrl(), "--jmx-url", jmx, "--format", "json");
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8).strip();
        assertTrue(code == 0 || code == 1, "status ran (exit " + code + "): " + out);
        return json.readTree(out.lines().reduce((a, b) -> b).orElseThrow());
    }
}
