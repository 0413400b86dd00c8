package io.mysqlmigrate.precheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mysqlmigrate.dialect.Flavour;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.stack.DatabaseServer;
import io.mysqlmigrate.stack.SharedStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * verify --repair-sql between two real MySQL 9.7 servers: a table keyed by an invisible auto-increment primary key
 * (the shape of MySQL's generated invisible primary key, my_row_id) with STORED and VIRTUAL generated columns and an
 * expression default. The repair writes the invisible key and the ordinary columns, never a generated one, so a
 * strict destination runs it (MySQL rejects a value for a generated column with error 3105), and verify then finds the
 * tables identical.
 */
class VerifyRepairOnMySqlIT {

    @Test
    void repairSqlKeepsTheInvisibleKeyAndLeavesGeneratedColumnsToTheServer() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        DatabaseServer source = stack.server(Flavour.MYSQL, SharedStack.Role.SOURCE);
        DatabaseServer destination = stack.server(Flavour.MYSQL, SharedStack.Role.DESTINATION);
        String db = "vfymy_" + System.nanoTime() % 1_000_000;
        for (DatabaseServer s : List.of(source, destination)) {
            s.execute("CREATE DATABASE " + db,
                    "CREATE TABLE " + db + ".gipk (my_row_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT INVISIBLE PRIMARY KEY, "
                            + "a INT NOT NULL, b VARCHAR(10), total INT AS (a * 2) STORED, label VARCHAR(30) AS (CONCAT(b, '-', a)) VIRTUAL, "
                            + "d INT DEFAULT (a + 1), KEY (total))",
                    "INSERT INTO " + db + ".gipk (a, b) VALUES (1, 'one'), (2, 'two'), (3, 'three'), (4, 'four')");
        }
        destination.execute("DELETE FROM " + db + ".gipk WHERE a = 2",
                "UPDATE " + db + ".gipk SET a = 30 WHERE my_row_id = 3",
                "INSERT INTO " + db + ".gipk (my_row_id, a, b) VALUES (9, 9, 'extra')");

        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "verify-mysql");
        Path sourceFile = connectorFile(dir, "vfymy-source", Map.of("connector.class", "io.mysqlmigrate.source.MigrationSourceConnector",
                MigrationSourceConfig.SOURCE_HOSTNAME, source.host(), MigrationSourceConfig.SOURCE_PORT, Integer.toString(source.port()),
                MigrationSourceConfig.SOURCE_USER, source.user(), MigrationSourceConfig.SOURCE_PASSWORD, source.password(),
                MigrationSourceConfig.DATABASES_INCLUDE, db, MigrationSourceConfig.TOPIC_PREFIX, "vfymy",
                MigrationSourceConfig.KAFKA_BOOTSTRAP_SERVERS, "unused:9092"));
        Path sinkFile = connectorFile(dir, "vfymy-sink", Map.of("connector.class", "io.mysqlmigrate.sink.MigrationSinkConnector",
                MigrationSinkConfig.DESTINATION_HOSTNAME, destination.host(),
                MigrationSinkConfig.DESTINATION_PORT, Integer.toString(destination.port()),
                MigrationSinkConfig.DESTINATION_USER, destination.user(), MigrationSinkConfig.DESTINATION_PASSWORD, destination.password()));
        Path repair = dir.resolve("repair.sql");

        JsonNode planted = verify(1, sourceFile, sinkFile, "--repair-sql", repair.toString());
        JsonNode table = planted.get("tables").get(0);
        assertEquals(db + ".gipk", table.get("source").asText());
        assertEquals("[[\"2\"]]", table.get("missing").toString(), "rows are named by the invisible key");
        List<String> statements = Files.readAllLines(repair).stream().filter(l -> !l.isBlank() && !l.startsWith("--")).toList();
        assertEquals(4, statements.size(), "time zone, insert, update, delete: " + statements);
        assertTrue(statements.get(1).startsWith("INSERT INTO `" + db + "`.`gipk` (`my_row_id`, `a`, `b`, `d`) VALUES"), statements.get(1));
        for (String sql : statements) {
            assertFalse(sql.contains("`total`") || sql.contains("`label`"), "no generated column written: " + sql);
        }
        try (var c = destination.connect(); var st = c.createStatement()) {
            st.execute("SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'");
            for (String sql : statements) {
                st.execute(sql);
            }
        }
        JsonNode repaired = verify(0, sourceFile, sinkFile);
        assertEquals("IDENTICAL", repaired.get("tables").get(0).get("outcome").asText(), repaired.toString());
    }

    private static Path connectorFile(Path dir, String name, Map<String, String> config) throws Exception {
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, new ObjectMapper().writeValueAsString(Map.of("name", name, "config", new LinkedHashMap<>(config))));
        return file;
    }

    private static JsonNode verify(int expectedExit, Path sourceFile, Path sinkFile, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("verify", "--source-config", sourceFile.toString(), "--sink-config",
                sinkFile.toString(), "--format", "json", "--recheck-after", "200"));
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
        assertEquals(expectedExit, code, out);
        return new ObjectMapper().readTree(out);
    }
}
