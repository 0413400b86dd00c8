package io.mysqlmigrate.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mysqlmigrate.precheck.cli.OperatorCli;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.source.MigrationSourceConfig;
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
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The status command against a live migration on the real stack (source and destination MariaDB, Kafka, Connect):
 * per-table progress with a rate during a (throttled) full load, the delay during incremental migration and its
 * exit code when the sink falls behind, and a failed task with its trace and likely fix.
 */
class StatusCommandOnMariaDbKafkaConnectIT {

    private final SharedStack stack = SharedStack.get();
    private final ObjectMapper json = new ObjectMapper();

    private record Run(int exitCode, List<JsonNode> refreshes) {
        JsonNode last() {
            return refreshes.get(refreshes.size() - 1);
        }
    }

    private Path file(Path dir, String name, Map<String, String> config) throws Exception {
        Path f = dir.resolve(name + ".json");
        Files.writeString(f, json.writeValueAsString(Map.of("name", name, "config", config)));
        return f;
    }

    private Run status(Path source, Path sink, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("status", "--source-config", source.toString(), "--sink-config", sink.toString(),
                "--connect-url", stack.rest().restUrl(), "--format", "json"));
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
        List<JsonNode> refreshes = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                refreshes.add(json.readTree(line));
            }
        }
        return new Run(code, refreshes);
    }

    private Run awaitStatus(Path source, Path sink, Predicate<Run> condition, Duration timeout, String... extra) {
        return await("the status command shows what was awaited").atMost(timeout)
                .pollInSameThread() // the command writes to System.out, which status() swaps while it runs
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(300))
                .until(() -> status(source, sink, extra), run -> !run.refreshes().isEmpty() && condition.test(run));
    }

    private static JsonNode table(JsonNode status, String name) {
        for (JsonNode t : status.path("tables")) {
            if (t.path("source").asText().equals(name)) {
                return t;
            }
        }
        return null;
    }

    @Test
    void progressDuringTheFullLoadThenTheDelayDuringIncremental() throws Exception {
        String db = "st_progress";
        stack.source().execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO " + db + ".t SELECT seq, CONCAT('v', seq) FROM " + db + ".seq_1_to_4000", "ANALYZE TABLE " + db + ".t");
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "status-cli");
        try (Migration migration = new Migration(stack, "m-status", List.of(db))) {
            Map<String, String> capped = new LinkedHashMap<>(migration.sink.config());
            capped.put(MigrationSinkConfig.THROTTLE_ROWS_PER_SECOND, "250");
            capped.put("consumer.override.max.poll.records", "100");
            Path sourceFile = file(dir, migration.source.name(), migration.source.config());
            Path sinkFile = file(dir, migration.sink.name(), capped);
            stack.rest().createOrUpdate(migration.sink.name(), capped);
            stack.rest().createOrUpdate(migration.source.name(), migration.source.config());
            stack.rest().waitUntilRunning(migration.sink.name(), Duration.ofSeconds(60));
            stack.rest().waitUntilRunning(migration.source.name(), Duration.ofSeconds(60));

            String t = db + ".t";
            awaitStatus(sourceFile, sinkFile, r -> {
                JsonNode row = table(r.last(), t);
                return row != null && row.path("rowsDone").asLong() > 0;
            }, Duration.ofSeconds(120));
            Run watched = status(sourceFile, sinkFile, "--watch", "1", "--count", "2");
            assertEquals(0, watched.exitCode(), watched.refreshes().toString());
            assertEquals(2, watched.refreshes().size(), "one line per refresh");
            JsonNode second = watched.last();
            assertEquals("INITIAL_LOAD", second.path("phase").asText(), second.toString());
            JsonNode row = table(second, t);
            assertNotNull(row, second.toString());
            assertTrue(row.path("rowsDone").asLong() > 0 && row.path("rowsDone").asLong() < 4000, row.toString());
            assertTrue(row.path("rowsDoneExact").asBoolean());
            assertTrue(row.path("rowsEstimated").asLong() > 1000, "the source's estimate: " + row);
            assertTrue(row.path("rowsPerSecond").asDouble() > 0, "a rate from the two refreshes: " + row);
            assertFalse(row.path("etaSeconds").isNull(), row.toString());

            Map<String, String> lifted = new LinkedHashMap<>(capped);
            lifted.put(MigrationSinkConfig.THROTTLE_ROWS_PER_SECOND, "0");
            stack.rest().createOrUpdate(migration.sink.name(), lifted);
            sinkFile = file(dir, migration.sink.name(), lifted);
            migration.awaitIdentical(Duration.ofSeconds(120));
            stack.source().execute("INSERT INTO " + t + " VALUES (5001, 'streamed')");
            migration.awaitSinkProgress(0, true, Duration.ofSeconds(60));

            Run streaming = awaitStatus(sourceFile, sinkFile, r -> "INCREMENTAL".equals(r.last().path("phase").asText())
                    && r.last().path("partitions").get(0).path("behind").asLong(-1) == 0, Duration.ofSeconds(60),
                    "--max-delay-ms", "60000");
            assertEquals(0, streaming.exitCode(), streaming.last().toString());
            assertTrue(streaming.last().path("delayExact").asBoolean(), streaming.last().toString());
            assertEquals(0, streaming.last().path("delayMs").asLong(), "nothing waits in Kafka: " + streaming.last());
            assertEquals(0, streaming.last().path("tables").size(), "no table progress once streaming");

            stack.rest().pause(migration.sink.name());
            await("the sink and its task paused").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> stack.rest().status(migration.sink.name()), status -> assertTrue("PAUSED".equals(status.state())
                            && !status.tasks().isEmpty() && status.tasks().stream().allMatch(task -> "PAUSED".equals(task.state())),
                            status::toString));
            stack.source().execute("INSERT INTO " + t + " VALUES (5002, 'while paused')");
            Run behind = awaitStatus(sourceFile, sinkFile, r -> r.last().path("partitions").get(0).path("behind").asLong() > 0
                    && r.last().path("delayMs").asLong() > 1500, Duration.ofSeconds(30), "--max-delay-ms", "1500");
            assertEquals(1, behind.exitCode(), "the delay is over --max-delay-ms: " + behind.last());

            stack.rest().resume(migration.sink.name());
            Run caughtUp = awaitStatus(sourceFile, sinkFile, r -> r.exitCode() == 0, Duration.ofSeconds(60), "--max-delay-ms", "1500");
            assertEquals(0, caughtUp.last().path("partitions").get(0).path("behind").asLong(), caughtUp.last().toString());
        }
    }

    @Test
    void aFailedTaskShowsItsTraceAndLikelyFix() throws Exception {
        String db = "st_failed";
        stack.source().execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY)");
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "status-cli");
        try (Migration migration = new Migration(stack, "m-status-failed", List.of(db))) {
            Map<String, String> wrong = new LinkedHashMap<>(migration.source.config());
            wrong.put(MigrationSourceConfig.SOURCE_PASSWORD, "not-the-password");
            Path sourceFile = file(dir, migration.source.name(), wrong);
            Path sinkFile = file(dir, migration.sink.name(), migration.sink.config());
            stack.rest().createOrUpdate(migration.sink.name(), migration.sink.config());
            stack.rest().createOrUpdate(migration.source.name(), wrong);

            Run failed = awaitStatus(sourceFile, sinkFile, r -> r.exitCode() == 1
                    && "FAILED".equals(r.last().path("connectors").get(0).path("tasks").path(0).path("state").asText()),
                    Duration.ofSeconds(90));
            JsonNode task = failed.last().path("connectors").get(0).path("tasks").get(0);
            assertTrue(task.path("trace").size() > 0 && task.path("trace").size() <= 5, task.toString());
            assertTrue(task.path("likelyFix").asText().contains("account"), task.toString());
            assertEquals(1, failed.exitCode());
        }
    }
}
