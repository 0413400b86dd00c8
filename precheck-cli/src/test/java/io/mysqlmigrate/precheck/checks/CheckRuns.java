package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.check.Precheck;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.stack.DatabaseServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Connector settings for real servers, one check run through the precheck, and a fix applied as its text says. */
final class CheckRuns {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private CheckRuns() {
    }

    /** The source connector's settings; {@code extra} are more name/value pairs (e.g. migration.types). */
    static Map<String, String> sourceAs(DatabaseServer s, String user, String password, String database, String... extra) {
        Map<String, String> p = new HashMap<>();
        p.put(MigrationSourceConfig.SOURCE_HOSTNAME, s.host());
        p.put(MigrationSourceConfig.SOURCE_PORT, Integer.toString(s.port()));
        p.put(MigrationSourceConfig.SOURCE_USER, user);
        p.put(MigrationSourceConfig.SOURCE_PASSWORD, password);
        p.put(MigrationSourceConfig.DATABASES_INCLUDE, database);
        p.put(MigrationSourceConfig.TOPIC_PREFIX, "checks");
        p.put(MigrationSourceConfig.KAFKA_BOOTSTRAP_SERVERS, "unused:9092");
        putPairs(p, extra);
        return p;
    }

    static Map<String, String> source(DatabaseServer s, String database, String... extra) {
        return sourceAs(s, s.user(), s.password(), database, extra);
    }

    static Map<String, String> sinkAs(DatabaseServer d, String user, String password, String... extra) {
        Map<String, String> p = new HashMap<>();
        p.put(MigrationSinkConfig.DESTINATION_HOSTNAME, d.host());
        p.put(MigrationSinkConfig.DESTINATION_PORT, Integer.toString(d.port()));
        p.put(MigrationSinkConfig.DESTINATION_USER, user);
        p.put(MigrationSinkConfig.DESTINATION_PASSWORD, password);
        putPairs(p, extra);
        return p;
    }

    static Map<String, String> sink(DatabaseServer d, String... extra) {
        return sinkAs(d, d.user(), d.password(), extra);
    }

    /** The check's result, or null when the migration types do not need it. */
    static CheckResult run(Check check, Map<String, String> source, Map<String, String> sink) throws Exception {
        try (CheckContext ctx = CheckContext.open("checks-source", source, sink)) {
            List<CheckResult> results = Precheck.run(ctx, List.of(check));
            return results.isEmpty() ? null : results.get(0);
        }
    }

    /** A new database with one keyed table, unique within the JVM. */
    static String newDatabase(DatabaseServer server, String prefix) {
        String db = prefix + "_" + SEQUENCE.incrementAndGet();
        server.execute("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY, v TEXT)");
        return db;
    }

    /** A new directory for private servers under target/ (removed by mvn clean), not in /tmp where nobody removes it. */
    static Path scratchDir(String prefix) throws IOException {
        Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
        return Files.createTempDirectory(target, prefix);
    }

    /** Runs the statements of a fix text, as root: what an operator following it would do. */
    static void applyFix(DatabaseServer server, String fix) {
        server.execute(Arrays.stream(fix.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new));
    }

    private static void putPairs(Map<String, String> p, String... extra) {
        for (int i = 0; i < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
    }
}
