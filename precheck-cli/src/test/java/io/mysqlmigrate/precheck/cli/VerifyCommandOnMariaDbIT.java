package io.mysqlmigrate.precheck.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.SharedStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The verify command on two real MariaDB servers (the harness's source and destination), reading connector files
 * as users POST them: planted differences in a 100k-row table are named by key and repaired, identical data is
 * reported identical, and the sink's name mapping and the source's row filters are honoured.
 */
class VerifyCommandOnMariaDbIT {

    private static int sequence;
    private MariaDbServer source;
    private MariaDbServer destination;
    private Path dir;
    private String db;

    @BeforeEach
    void setUp() throws Exception {
        source = SharedStack.databasesOnly().source();
        destination = SharedStack.databasesOnly().destination();
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "verify-cli");
        db = "vfy_" + (++sequence) + "_" + System.nanoTime() % 100000;
        source.execute("CREATE DATABASE " + db);
        destination.execute("CREATE DATABASE " + db);
    }

    private Path connectorFile(String name, Map<String, String> config) throws Exception {
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, new ObjectMapper().writeValueAsString(Map.of("name", name, "config", config)));
        return file;
    }

    private Path sourceFile(String rowFilters) throws Exception {
        return sourceFile(rowFilters, Map.of());
    }

    private Path sourceFile(String rowFilters, Map<String, String> more) throws Exception {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("connector.class", "io.mysqlmigrate.source.MigrationSourceConnector");
        c.put(MigrationSourceConfig.SOURCE_HOSTNAME, source.host());
        c.put(MigrationSourceConfig.SOURCE_PORT, Integer.toString(source.port()));
        c.put(MigrationSourceConfig.SOURCE_USER, source.user());
        c.put(MigrationSourceConfig.SOURCE_PASSWORD, source.password());
        c.put(MigrationSourceConfig.DATABASES_INCLUDE, db);
        c.put(MigrationSourceConfig.TOPIC_PREFIX, "vfy");
        c.put(MigrationSourceConfig.KAFKA_BOOTSTRAP_SERVERS, "unused:9092");
        if (rowFilters != null) {
            c.put(MigrationSourceConfig.ROW_FILTERS, rowFilters);
        }
        c.putAll(more);
        return connectorFile("vfy-source", c);
    }

    private Path sinkFile(String nameMapping) throws Exception {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("connector.class", "io.mysqlmigrate.sink.MigrationSinkConnector");
        c.put(MigrationSinkConfig.DESTINATION_HOSTNAME, destination.host());
        c.put(MigrationSinkConfig.DESTINATION_PORT, Integer.toString(destination.port()));
        c.put(MigrationSinkConfig.DESTINATION_USER, destination.user());
        c.put(MigrationSinkConfig.DESTINATION_PASSWORD, destination.password());
        if (nameMapping != null) {
            c.put(MigrationSinkConfig.NAME_MAPPING, nameMapping);
        }
        return connectorFile("vfy-sink", c);
    }

    /** Runs {@code mysql-migrate verify} with JSON output; returns the exit code and the parsed report. */
    private record Run(int exitCode, JsonNode report, String stdout) {
        JsonNode table(String sourceName) {
            for (JsonNode t : report.get("tables")) {
                if (t.get("source").asText().equals(sourceName)) {
                    return t;
                }
            }
            throw new AssertionError("no table " + sourceName + " in " + report);
        }
    }

    private Run verify(Path sourceFile, Path sinkFile, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("verify", "--source-config", sourceFile.toString(), "--sink-config",
                sinkFile.toString(), "--format", "json"));
        if (!List.of(extra).contains("--recheck-after")) {
            args.addAll(List.of("--recheck-after", "200"));
        }
        args.addAll(List.of(extra));
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            code = new CommandLine(new OperatorCli()).execute(args.toArray(String[]::new));
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        return new Run(code, out.isBlank() ? null : new ObjectMapper().readTree(out), out);
    }

    private static List<String> keys(JsonNode table, String kind) {
        List<String> keys = new ArrayList<>();
        table.get(kind).forEach(k -> keys.add(k.get(0).asText()));
        return keys;
    }

    @Test
    void plantedDifferencesInA100kRowTableAreNamedAndRepaired() throws Exception {
        for (MariaDbServer s : List.of(source, destination)) {
            s.execute("CREATE TABLE " + db + ".big (id INT PRIMARY KEY, name VARCHAR(40) CHARACTER SET utf8mb4, "
                            + "amount DECIMAL(12,2), at DATETIME(6), payload BLOB, note VARCHAR(20) CHARACTER SET latin1)",
                    "INSERT INTO " + db + ".big SELECT seq, CONCAT('n😀', seq), seq / 7, TIMESTAMP('2024-01-01') + INTERVAL seq SECOND, "
                            + "IF(seq % 3 = 0, NULL, UNHEX(HEX(seq))), IF(seq % 5 = 0, 'caf\u00e9', NULL) FROM " + db + ".seq_1_to_100000");
        }
        Path sourceFile = sourceFile(null);
        Path sinkFile = sinkFile(null);

        Run identical = verify(sourceFile, sinkFile);
        assertEquals(0, identical.exitCode(), identical.stdout());
        JsonNode big = identical.table(db + ".big");
        assertEquals("IDENTICAL", big.get("outcome").asText());
        assertEquals(100_000, big.get("sourceRows").asLong());
        assertEquals(100_000, big.get("destinationRows").asLong());
        assertTrue(big.get("chunks").asInt() > 1, "walked in chunks: " + big);

        destination.execute("DELETE FROM " + db + ".big WHERE id = 20000",
                "INSERT INTO " + db + ".big VALUES (100001, 'extra', 1, NOW(), NULL, NULL)",
                "UPDATE " + db + ".big SET note = 'cafe' WHERE id = 55555");
        Path repair = dir.resolve("repair.sql");
        Path html = dir.resolve("report.html");
        Run planted = verify(sourceFile, sinkFile, "--repair-sql", repair.toString(), "--html", html.toString(), "--threads", "2");
        assertEquals(1, planted.exitCode(), planted.stdout());
        big = planted.table(db + ".big");
        assertEquals("DIFFERENT", big.get("outcome").asText());
        assertEquals(List.of("20000"), keys(big, "missing"));
        assertEquals(List.of("100001"), keys(big, "extra"));
        assertEquals(List.of("55555"), keys(big, "different"));
        String report = Files.readString(html);
        assertTrue(report.contains("<td>" + db + ".big</td>") && report.contains("(55555)"), report);

        List<String> statements = Files.readAllLines(repair).stream().filter(l -> !l.isBlank() && !l.startsWith("--")).toList();
        assertEquals(4, statements.size(), "time zone, insert, update, delete: " + statements);
        try (var c = destination.connect(); var st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
        Run repaired = verify(sourceFile, sinkFile);
        assertEquals(0, repaired.exitCode(), repaired.stdout());
    }

    @Test
    void repairSqlNeverWritesGeneratedColumnsSoAStrictDestinationAcceptsIt() throws Exception {
        for (MariaDbServer s : List.of(source, destination)) {
            s.execute("CREATE TABLE " + db + ".gen (id INT PRIMARY KEY, a INT NOT NULL, b VARCHAR(20), "
                            + "total INT AS (a * 2) STORED, label VARCHAR(30) AS (CONCAT(b, '-', a)) VIRTUAL, "
                            + "kept INT AS (a + 1) PERSISTENT, KEY (total))",
                    "INSERT INTO " + db + ".gen (id, a, b) SELECT seq, seq, CONCAT('b', seq) FROM " + db + ".seq_1_to_50");
        }
        destination.execute("DELETE FROM " + db + ".gen WHERE id = 7",
                "UPDATE " + db + ".gen SET a = 100 WHERE id = 8",
                "INSERT INTO " + db + ".gen (id, a, b) VALUES (99, 1, 'extra')");
        Path repair = dir.resolve("repair-generated.sql");
        Run planted = verify(sourceFile(null), sinkFile(null), "--repair-sql", repair.toString());
        assertEquals(1, planted.exitCode(), planted.stdout());
        JsonNode gen = planted.table(db + ".gen");
        assertEquals(List.of("7"), keys(gen, "missing"));
        assertEquals(List.of("8"), keys(gen, "different"));
        assertEquals(List.of("99"), keys(gen, "extra"));

        List<String> statements = Files.readAllLines(repair).stream().filter(l -> !l.isBlank() && !l.startsWith("--")).toList();
        assertEquals(4, statements.size(), "time zone, insert, update, delete: " + statements);
        for (String sql : statements) {
            assertFalse(sql.contains("`total`") || sql.contains("`label`") || sql.contains("`kept`"), "no generated column written: " + sql);
        }
        try (var c = destination.connect(); var st = c.createStatement()) {
            st.execute("SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'");
            for (String sql : statements) {
                st.execute(sql);
                assertEquals(null, st.getWarnings(), "no value ignored with a warning: " + sql);
            }
        }
        Run repaired = verify(sourceFile(null), sinkFile(null));
        assertEquals(0, repaired.exitCode(), repaired.stdout());
        assertEquals("IDENTICAL", repaired.table(db + ".gen").get("outcome").asText());
    }

    @Test
    void aNameMappedAndARowFilteredTableCompareAsTheMigrationWritesThem() throws Exception {
        source.execute("CREATE TABLE " + db + ".orders (id BIGINT PRIMARY KEY, amt DECIMAL(10,2))",
                "INSERT INTO " + db + ".orders SELECT seq, seq * 1.5 FROM " + db + ".seq_1_to_3000",
                "CREATE TABLE " + db + ".customers (id INT, region CHAR(2), name VARCHAR(20), PRIMARY KEY (region, id))",
                "INSERT INTO " + db + ".customers SELECT seq, IF(seq % 2 = 0, 'eu', 'us'), CONCAT('c', seq) FROM " + db + ".seq_1_to_2000");
        destination.execute("CREATE TABLE " + db + ".orders_2024 (id BIGINT PRIMARY KEY, amount DECIMAL(10,2))",
                "INSERT INTO " + db + ".orders_2024 SELECT seq, seq * 1.5 FROM " + db + ".seq_1_to_3000",
                "CREATE TABLE " + db + ".customers (id INT, region CHAR(2), name VARCHAR(20), PRIMARY KEY (region, id))",
                "INSERT INTO " + db + ".customers SELECT seq, 'eu', CONCAT('c', seq) FROM " + db + ".seq_1_to_2000 WHERE seq % 2 = 0");
        Path sourceFile = sourceFile(db + ".customers WHERE region = 'eu'");
        Path sinkFile = sinkFile(db + ".orders=orders_2024," + db + ".orders.amt=amount");

        Run same = verify(sourceFile, sinkFile);
        assertEquals(0, same.exitCode(), same.stdout());
        assertEquals(db + ".orders_2024", same.table(db + ".orders").get("destination").asText());
        assertEquals(3000, same.table(db + ".orders").get("destinationRows").asLong());
        assertEquals(1000, same.table(db + ".customers").get("sourceRows").asLong(), "only the rows the filter keeps");

        destination.execute("UPDATE " + db + ".orders_2024 SET amount = 0 WHERE id = 42",
                "INSERT INTO " + db + ".customers VALUES (1, 'us', 'c1')");
        Run differs = verify(sourceFile, sinkFile);
        assertEquals(1, differs.exitCode(), differs.stdout());
        assertEquals(List.of("42"), keys(differs.table(db + ".orders"), "different"));
        JsonNode customers = differs.table(db + ".customers");
        assertEquals(1, customers.get("extra").size(), "a row outside the filter is extra on the destination");
        // The key in the primary key's order: (region, id).
        assertEquals(List.of("us", "1"), List.of(customers.get("extra").get(0).get(0).asText(),
                customers.get("extra").get(0).get(1).asText()));
    }

    @Test
    void aCompositeTemporalKeyIsWalkedInChunksAndItsRowsNamed() throws Exception {
        for (MariaDbServer s : List.of(source, destination)) {
            s.execute("CREATE TABLE " + db + ".events (at DATETIME(6), tag VARBINARY(8), seen TIMESTAMP(3) NULL, v FLOAT, "
                            + "PRIMARY KEY (at, tag))",
                    "INSERT INTO " + db + ".events SELECT TIMESTAMP('2024-03-31 01:59:59.999990') + INTERVAL (seq DIV 2) MICROSECOND, "
                            + "UNHEX(IF(seq % 2 = 0, '00ff', 'ff00')), FROM_UNIXTIME(1700000000 + seq), seq / 3 FROM "
                            + db + ".seq_1_to_5000");
        }
        destination.execute("UPDATE " + db + ".events SET v = v + 0.0001 WHERE at = '2024-03-31 01:59:59.999990' + INTERVAL 1234 "
                + "MICROSECOND AND tag = x'00ff'");
        Run run = verify(sourceFile(null), sinkFile(null), "--chunk-time-ms", "1");
        assertEquals(1, run.exitCode(), run.stdout());
        JsonNode events = run.table(db + ".events");
        assertTrue(events.get("chunks").asInt() >= 5, "walked in chunks: " + events);
        assertEquals(1, events.get("different").size(), events.toString());
        assertEquals("2024-03-31 02:00:00.001224", events.get("different").get(0).get(0).asText());
        assertEquals(0, events.get("missing").size() + events.get("extra").size(), events.toString());
    }

    @Test
    void aDifferenceThatHealsBeforeTheRecheckIsNotReported() throws Exception {
        for (MariaDbServer s : List.of(source, destination)) {
            s.execute("CREATE TABLE " + db + ".t (id INT PRIMARY KEY, v VARCHAR(20))",
                    "INSERT INTO " + db + ".t SELECT seq, CONCAT('v', seq) FROM " + db + ".seq_1_to_3000");
        }
        // As if the sink had not applied the last change yet: the destination catches up while verify waits.
        destination.execute("UPDATE " + db + ".t SET v = 'stale' WHERE id = 777", "DELETE FROM " + db + ".t WHERE id = 3000");
        Path sourceFile = sourceFile(null);
        Path sinkFile = sinkFile(null);
        Thread catchUp = new Thread(() -> {
            // heals once verify has found the differences and waits to look at them again, not after a guessed time
            await("verify waits to re-check the differing rows").atMost(Duration.ofSeconds(60))
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                    .until(VerifyCommandOnMariaDbIT::aTableVerifierWaitsToRecheck);
            destination.execute("UPDATE " + db + ".t SET v = 'v777' WHERE id = 777", "INSERT INTO " + db + ".t VALUES (3000, 'v3000')");
        });
        catchUp.start();
        Run run = verify(sourceFile, sinkFile, "--recheck-after", "4000");
        catchUp.join();
        assertEquals(0, run.exitCode(), "differences gone by the re-check are not reported: " + run.stdout());

        destination.execute("UPDATE " + db + ".t SET v = 'stale' WHERE id = 777");
        Run stays = verify(sourceFile, sinkFile, "--recheck-after", "100");
        assertEquals(List.of("777"), keys(stays.table(db + ".t"), "different"), "a difference that stays is reported");
    }

    /** True while a thread of this JVM sleeps in the table verifier: its pause before it re-checks the rows that differed. */
    private static boolean aTableVerifierWaitsToRecheck() {
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            if (thread.getKey().getState() != Thread.State.TIMED_WAITING) {
                continue;
            }
            for (StackTraceElement frame : thread.getValue()) {
                if (!frame.getClassName().equals(Thread.class.getName())) {
                    if (frame.getClassName().equals(io.mysqlmigrate.precheck.verify.TableVerifier.class.getName())) {
                        return true;
                    }
                    break;
                }
            }
        }
        return false;
    }

    @Test
    void theRowRateCapSlowsTheComparison() throws Exception {
        for (MariaDbServer s : List.of(source, destination)) {
            s.execute("CREATE TABLE " + db + ".t (id INT PRIMARY KEY)", "INSERT INTO " + db + ".t SELECT seq FROM " + db + ".seq_1_to_6000");
        }
        long t0 = System.nanoTime();
        Run capped = verify(sourceFile(null), sinkFile(null), "--max-rows-per-second", "4000");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(0, capped.exitCode(), capped.stdout());
        // 12,000 rows read over both servers at 4,000 rows/s: about 3 s; uncapped it takes a fraction of a second.
        assertTrue(seconds >= 2.5, "took " + seconds + " s under a 4,000 rows/s cap");
    }

    @Test
    void columnsAndTablesTheMigrationLeavesOutAreNotCompared() throws Exception {
        source.execute("CREATE TABLE " + db + ".u (id INT PRIMARY KEY, v INT, secret VARCHAR(20))",
                "INSERT INTO " + db + ".u SELECT seq, seq, 'hidden' FROM " + db + ".seq_1_to_300",
                "CREATE TABLE " + db + ".scratch (id INT PRIMARY KEY)", "INSERT INTO " + db + ".scratch VALUES (1)");
        destination.execute("CREATE TABLE " + db + ".u (id INT PRIMARY KEY, v INT, secret VARCHAR(20))",
                "INSERT INTO " + db + ".u SELECT seq, seq, NULL FROM " + db + ".seq_1_to_300");
        Path sourceFile = sourceFile(null, Map.of(MigrationSourceConfig.COLUMNS_EXCLUDE, db + "\\.u\\.secret",
                MigrationSourceConfig.TABLES_EXCLUDE, db + "\\.scratch"));
        Run run = verify(sourceFile, sinkFile(null));
        assertEquals(0, run.exitCode(), run.stdout());
        assertEquals(1, run.report().get("tables").size(), "the excluded table is not verified: " + run.stdout());

        destination.execute("UPDATE " + db + ".u SET v = 0 WHERE id = 9");
        Run differs = verify(sourceFile, sinkFile(null));
        assertEquals(List.of("9"), keys(differs.table(db + ".u"), "different"), "the other columns are still compared");
    }

    @Test
    void anUnreachableServerMeansCannotRun() throws Exception {
        Path unreachable = sourceFile(null);
        Files.writeString(unreachable, Files.readString(unreachable).replace("\"" + source.port() + "\"", "\"1\""));
        assertEquals(2, verify(unreachable, sinkFile(null)).exitCode());
    }
}
