package io.mysqlmigrate.precheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.stack.MariaDbServer;
import io.mysqlmigrate.stack.ServerOptions;
import io.mysqlmigrate.stack.SharedStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The prechecks against real MariaDB servers, some started misconfigured on purpose: each check fails or warns on
 * the bad server, passes on the good one, and its fix, applied, makes it pass.
 */
class PrecheckOnMariaDbIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private static Map<String, String> sourceSettings(MariaDbServer server, String database) {
        Map<String, String> p = new HashMap<>();
        p.put(MigrationSourceConfig.SOURCE_HOSTNAME, server.host());
        p.put(MigrationSourceConfig.SOURCE_PORT, Integer.toString(server.port()));
        p.put(MigrationSourceConfig.SOURCE_USER, server.user());
        p.put(MigrationSourceConfig.SOURCE_PASSWORD, server.password());
        p.put(MigrationSourceConfig.DATABASES_INCLUDE, database);
        p.put(MigrationSourceConfig.TOPIC_PREFIX, "pre");
        p.put(MigrationSourceConfig.KAFKA_BOOTSTRAP_SERVERS, "unused:9092");
        return p;
    }

    private static Map<String, String> sinkSettings(MariaDbServer server, String... extra) {
        Map<String, String> p = new HashMap<>();
        p.put(MigrationSinkConfig.DESTINATION_HOSTNAME, server.host());
        p.put(MigrationSinkConfig.DESTINATION_PORT, Integer.toString(server.port()));
        p.put(MigrationSinkConfig.DESTINATION_USER, server.user());
        p.put(MigrationSinkConfig.DESTINATION_PASSWORD, server.password());
        for (int i = 0; i < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        return p;
    }

    private static Map<String, CheckResult> run(MariaDbServer source, MariaDbServer destination, String db, String... sinkExtra) throws Exception {
        try (CheckContext ctx = CheckContext.open("pre-source", sourceSettings(source, db), sinkSettings(destination, sinkExtra))) {
            return Precheck.run(ctx, Precheck.all()).stream().collect(Collectors.toMap(CheckResult::id, r -> r));
        }
    }

    /** Private servers' directories go under target/ (removed by mvn clean), not into /tmp where nobody removes them. */
    private static Path scratchDir() throws IOException {
        return Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "precheck-it");
    }

    private static String newDatabase(MariaDbServer source) {
        String db = "pre_" + SEQUENCE.incrementAndGet();
        source.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY, v TEXT)");
        return db;
    }

    @Test
    void aWellConfiguredPairPassesEveryCheck() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        String db = newDatabase(stack.source());
        Map<String, CheckResult> results = run(stack.source(), stack.destination(), db);
        List<CheckResult> notPassed = results.values().stream().filter(r -> r.status() != Status.PASS).toList();
        assertEquals(List.of(), notPassed);
        assertTrue(Precheck.passes(List.copyOf(results.values()), Set.of()));
    }

    @Test
    void aMisconfiguredBinaryLogFailsAndItsFixesMakeItPass() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        Path base = scratchDir();
        try (MariaDbServer bad = MariaDbServer.start(ServerOptions.builder().name("misconfigured").baseDir(base).serverId(7)
                .extraArgs("--binlog-format=STATEMENT", "--binlog-row-image=MINIMAL", "--binlog-expire-logs-seconds=3600").build())) {
            String db = newDatabase(bad);
            Map<String, CheckResult> before = run(bad, stack.destination(), db);
            assertEquals(Status.FAIL, before.get("source.binlog.format").status());
            assertEquals(Status.FAIL, before.get("source.binlog.row_image").status());
            assertEquals(Status.WARN, before.get("source.binlog.retention").status());
            assertTrue(before.get("source.binlog.format").fix().contains("SET GLOBAL binlog_format = 'ROW'"));

            bad.execute("SET GLOBAL binlog_format = 'ROW'", "SET GLOBAL binlog_row_image = 'FULL'",
                    "SET GLOBAL binlog_expire_logs_seconds = 604800");
            Map<String, CheckResult> after = run(bad, stack.destination(), db);
            assertEquals(Status.PASS, after.get("source.binlog.format").status());
            assertEquals(Status.PASS, after.get("source.binlog.row_image").status());
            assertEquals(Status.PASS, after.get("source.binlog.retention").status());
        }
    }

    @Test
    void aTableWithoutKeyWarnsUntilItHasOne() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        String db = newDatabase(stack.source());
        stack.source().execute("CREATE TABLE " + db + ".nokey (a INT, b INT)");
        CheckResult warned = run(stack.source(), stack.destination(), db).get("source.tables.without_key");
        assertEquals(Status.WARN, warned.status());
        assertTrue(warned.found().contains(db + ".nokey"), warned.found());
        assertTrue(Precheck.passes(List.of(warned), Set.of("source.tables.without_key")), "a WARN can be acknowledged by id");
        stack.source().execute("ALTER TABLE " + db + ".nokey ADD PRIMARY KEY (a)");
        assertEquals(Status.PASS, run(stack.source(), stack.destination(), db).get("source.tables.without_key").status());
    }

    @Test
    void tableTraitsWarnAndClearWhenFixed() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        String db = newDatabase(stack.source());
        stack.source().execute("CREATE TABLE " + db + ".myisam (id INT PRIMARY KEY) ENGINE=MyISAM",
                "CREATE TABLE " + db + ".child (id INT PRIMARY KEY, t_id INT, CONSTRAINT fk_t FOREIGN KEY (t_id) REFERENCES "
                        + db + ".t (id) ON DELETE CASCADE)",
                "CREATE TABLE " + db + "._t_gho (id INT PRIMARY KEY)");
        Map<String, CheckResult> before = run(stack.source(), stack.destination(), db);
        assertEquals(Status.WARN, before.get("source.tables.engine").status());
        assertTrue(before.get("source.tables.engine").found().contains(db + ".myisam (MyISAM)"));
        assertEquals(Status.WARN, before.get("source.tables.cascading_foreign_keys").status());
        assertTrue(before.get("source.tables.cascading_foreign_keys").found().contains(db + ".child.fk_t"));
        assertEquals(Status.WARN, before.get("source.tables.online_ddl_leftovers").status());
        // The engine's fix names the statement with a <table> placeholder: run it for the table found.
        String engineFix = before.get("source.tables.engine").fix();
        assertTrue(engineFix.startsWith("ALTER TABLE <table> ENGINE = InnoDB;"), engineFix);
        stack.source().execute(engineFix.substring(0, engineFix.indexOf(';')).replace("<table>", db + ".myisam"));
        // The cascade's fix is to change nothing and acknowledge it when only the migration writes the destination.
        CheckResult cascades = before.get("source.tables.cascading_foreign_keys");
        assertTrue(cascades.fix().contains("acknowledge the warning"), cascades.fix());
        assertTrue(Precheck.passes(List.of(cascades), Set.of(cascades.id())), "acknowledged, the cascade warning no longer blocks");
        stack.source().execute("DROP TABLE " + db + "._t_gho", "ALTER TABLE " + db + ".child DROP FOREIGN KEY fk_t");
        Map<String, CheckResult> after = run(stack.source(), stack.destination(), db);
        assertEquals(Status.PASS, after.get("source.tables.engine").status());
        assertEquals(Status.PASS, after.get("source.tables.cascading_foreign_keys").status());
        assertEquals(Status.PASS, after.get("source.tables.online_ddl_leftovers").status());
    }

    @Test
    void aLatin1DestinationFailsForUtf8mb4TextUntilItsCharsetIsFixed() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        Path base = scratchDir();
        try (MariaDbServer latin1 = MariaDbServer.start(ServerOptions.builder().name("latin1").baseDir(base).serverId(9)
                .extraArgs("--character-set-server=latin1", "--collation-server=latin1_swedish_ci").build())) {
            String db = newDatabase(stack.source()); // its TEXT column is utf8mb4, the source's default
            CheckResult failed = run(stack.source(), latin1, db).get("destination.charset");
            assertEquals(Status.FAIL, failed.status());
            Matcher statement = Pattern.compile("SET GLOBAL [^;]+").matcher(failed.fix());
            int applied = 0;
            while (statement.find()) {
                latin1.execute(statement.group());
                applied++;
            }
            assertEquals(2, applied, "the fix sets character_set_server and collation_server: " + failed.fix());
            assertEquals(Status.PASS, run(stack.source(), latin1, db).get("destination.charset").status());
        }
    }

    @Test
    void aDestinationTableWithRowsFailsUnderPrecheckAndWarnsUnderIgnore() throws Exception {
        SharedStack stack = SharedStack.databasesOnly();
        String db = newDatabase(stack.source());
        stack.destination().execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY, v TEXT)",
                "INSERT INTO " + db + ".t VALUES (1, 'there before')");
        CheckResult failed = run(stack.source(), stack.destination(), db).get("destination.tables.conflict");
        assertEquals(Status.FAIL, failed.status());
        assertTrue(failed.found().contains(db + ".t"), failed.found());
        assertEquals(Status.WARN, run(stack.source(), stack.destination(), db, MigrationSinkConfig.CONFLICT_TABLE_POLICY, "ignore")
                .get("destination.tables.conflict").status());
        stack.destination().execute("DELETE FROM " + db + ".t");
        assertEquals(Status.PASS, run(stack.source(), stack.destination(), db).get("destination.tables.conflict").status());
    }
}
