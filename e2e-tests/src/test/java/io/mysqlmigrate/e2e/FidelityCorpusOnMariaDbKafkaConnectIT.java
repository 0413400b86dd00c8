package io.mysqlmigrate.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.precheck.verify.TableChecksum;
import io.mysqlmigrate.precheck.verify.TableFingerprint;
import io.mysqlmigrate.stack.SharedStack;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The type-fidelity corpus ({@code src/test/resources/fidelity/}, one folder per case) through the real pipeline:
 * every case's table is created and filled on the source, ONE migration carries them all (cases marked
 * {@code isolate=true} get their own database and migration, run alongside), more changes are made once the sink
 * applies the binary log, and then each case's definition, table checksum and rows, column by column, are compared
 * between source and destination. A case marked {@code known-gap} must still differ; if it round-trips, its test
 * fails so the list of gaps stays true. Writes {@code target/fidelity-report.md}.
 */
class FidelityCorpusOnMariaDbKafkaConnectIT {

    private static final String SENTINEL = "_sentinel";
    private static final long END_MARK = 1_000_000_000L;
    private static final Duration SNAPSHOT_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STREAM_TIMEOUT = Duration.ofSeconds(120);

    /**
     * Connector settings added to every migration of the corpus, to try a fix before making it:
     * {@code -Dfidelity.source.overrides='debezium.some.setting=value|...'} (and {@code fidelity.sink.overrides}).
     */
    private static final Map<String, Map<String, String>> OVERRIDES = Map.of(
            "source", overrides("fidelity.source.overrides"), "sink", overrides("fidelity.sink.overrides"));

    private final SharedStack stack = SharedStack.get();

    /** One migration of one database holding some of the cases. */
    private static final class Run {
        final String database;
        final List<FidelityCase> cases;
        final Migration migration;
        final Map<String, Long[]> autoIncrementAfterSnapshot = new HashMap<>();
        ObservedChangeEvents observed = new ObservedChangeEvents();
        volatile String error;
        volatile String errorStage;

        Run(String database, List<FidelityCase> cases, Migration migration) {
            this.database = database;
            this.cases = cases;
            this.migration = migration;
        }

        String topic() {
            return migration.name + "." + database;
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCaseRoundTripsExactlyOrIsAKnownGap() throws Exception {
        long started = System.nanoTime();
        // -Dfidelity.cases=<regex> runs only the matching cases (while working on one).
        String only = System.getProperty("fidelity.cases", "").strip();
        List<FidelityCase> cases = FidelityCase.loadAll(Path.of(getClass().getResource("/" + FidelityCase.CORPUS).toURI()))
                .stream().filter(c -> only.isEmpty() || c.name().matches(only)).toList();
        Map<String, List<FidelityCase>> byDatabase = cases.stream()
                .collect(Collectors.groupingBy(FidelityCase::database, TreeMap::new, Collectors.toList()));
        List<Run> runs = new ArrayList<>();
        for (Map.Entry<String, List<FidelityCase>> e : byDatabase.entrySet()) {
            prepareSource(e.getKey(), e.getValue());
            String name = "m-" + e.getKey().replace('_', '-');
            Migration migration = new Migration(stack, name, List.of(e.getKey()));
            // A row the destination rejects fails the sink task after one minute of retries rather than ten.
            migration.sink.config().put("retry.other.minutes", "1");
            migration.source.config().putAll(OVERRIDES.get("source"));
            migration.sink.config().putAll(OVERRIDES.get("sink"));
            runs.add(new Run(e.getKey(), e.getValue(), migration));
        }
        log("corpus of %d cases in %d migration(s) prepared in %d ms", cases.size(), runs.size(), millisSince(started));
        List<FidelityOutcome> outcomes = new ArrayList<>();
        ExecutorService lifecycles = Executors.newFixedThreadPool(runs.size());
        try {
            // The migrations run side by side: a stalled isolated case does not hold up the others.
            CompletableFuture.allOf(runs.stream().map(run -> CompletableFuture.runAsync(() -> lifecycle(run, started), lifecycles))
                    .toArray(CompletableFuture[]::new)).join();
            for (Run run : runs) {
                try {
                    run.observed = ObservedChangeEvents.read(stack.broker().bootstrapServers(), run.topic());
                } catch (Exception e) {
                    log("cannot read back %s: %s", run.topic(), e);
                }
                for (FidelityCase c : run.cases) {
                    outcomes.add(compare(run, c));
                }
            }
        } finally {
            lifecycles.shutdownNow();
            for (Run run : runs) {
                try {
                    run.migration.close();
                } catch (RuntimeException e) {
                    log("cannot remove the connectors of %s: %s", run.migration.name, e);
                }
            }
        }
        long seconds = Math.round(millisSince(started) / 1000.0);
        Path report = Path.of("target", "fidelity-report.md");
        FidelityReport.write(report, outcomes, seconds, OVERRIDES);
        log("corpus done in %d s; report in %s", seconds, report.toAbsolutePath());
        return outcomes.stream().map(o -> DynamicTest.dynamicTest(
                o.fidelityCase().name() + (o.fidelityCase().knownGap() ? " (known gap)" : ""), () -> check(o)));
    }

    private static Map<String, String> overrides(String property) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String pair : System.getProperty(property, "").split("\\|")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                settings.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return settings;
    }

    private static void check(FidelityOutcome outcome) {
        FidelityCase c = outcome.fidelityCase();
        if (!outcome.verified()) {
            fail(c.name() + " was not verified: its migration stopped during the " + outcome.pipelineStage() + ": "
                    + outcome.pipelineError() + (c.isolate() ? "" : "\n(If this case itself stops the pipeline, mark it "
                    + "isolate=true so the other cases still run.)"));
        }
        if (!c.knownGap() && !outcome.roundTrips()) {
            fail(c.name() + " does not round-trip exactly:\n" + String.join("\n", outcome.problems()));
        }
        if (c.knownGap() && outcome.roundTrips()) {
            fail(c.name() + " is listed as a known gap (" + c.reason() + ") but now round-trips exactly: remove "
                    + "status=known-gap from fidelity/" + c.name() + "/expect and update docs/TYPES.md");
        }
        if (c.knownGap()) {
            log("%s: known gap confirmed (%s):%n  %s", c.name(), c.reason(), String.join("\n  ", outcome.problems()));
        }
    }

    /**
     * One migration from start to the end of its stream; a failure stops this run only, noting the stage it reached.
     */
    private void lifecycle(Run run, long started) {
        String stage = "start";
        try {
            run.migration.start();
            stage = "snapshot";
            awaitIncrementalPhase(run);
            log("%s: snapshot applied after %d ms", run.migration.name, millisSince(started));
            for (FidelityCase c : run.cases) {
                run.autoIncrementAfterSnapshot.put(c.name(), autoIncrement(run.database, c.table()));
            }
            stage = "stream";
            applyStream(run);
            awaitEndMark(run);
            log("%s: stream applied after %d ms", run.migration.name, millisSince(started));
        } catch (Throwable e) {
            run.error = summarize(e.getMessage() == null ? e.toString() : e.getMessage());
            run.errorStage = stage;
            log("migration %s stopped during the %s: %s", run.migration.name, stage, run.error);
        }
    }

    private void prepareSource(String database, List<FidelityCase> cases) throws SQLException {
        String db = Identifiers.quote(database);
        stack.destination().execute("DROP DATABASE IF EXISTS " + db);
        stack.source().execute("DROP DATABASE IF EXISTS " + db, "CREATE DATABASE " + db,
                "CREATE TABLE " + db + "." + Identifiers.quote(SENTINEL)
                        + " (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, phase VARCHAR(20) NOT NULL)");
        for (FidelityCase c : cases) {
            runScript(database, c, c.create(), "create.sql");
            runScript(database, c, c.rows(), "rows.sql");
        }
    }

    private void applyStream(Run run) throws SQLException {
        for (FidelityCase c : run.cases) {
            runScript(run.database, c, c.stream(), "stream.sql");
        }
    }

    private void runScript(String database, FidelityCase c, String sql, String file) throws SQLException {
        if (sql == null) {
            return;
        }
        try (Connection connection = stack.source().connect(database); Statement st = connection.createStatement()) {
            for (String statement : c.session()) {
                st.execute(statement);
            }
            for (String statement : SqlScript.statements(sql, c.table())) {
                try {
                    st.execute(statement);
                } catch (SQLException e) {
                    throw new SQLException("fidelity/" + c.name() + "/" + file + ": " + e.getMessage() + "\n  in: "
                            + abbreviate(statement, 300), e.getSQLState(), e.getErrorCode(), e);
                }
            }
        }
    }

    /**
     * Keeps writing heartbeats into the sentinel table until the sink applies a change from the binary log: the topic
     * holds the snapshot before the stream, so from then on the destination holds every snapshot row.
     */
    private void awaitIncrementalPhase(Run run) throws Exception {
        long deadline = System.nanoTime() + SNAPSHOT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            stack.source().execute("INSERT INTO " + Identifiers.quote(run.database, SENTINEL) + " (phase) VALUES ('heartbeat')");
            try (Connection d = stack.destination().connect();
                 PreparedStatement ps = d.prepareStatement("SELECT COUNT(*) FROM mysql_migrate.sink_offsets "
                         + "WHERE connector = ? AND phase = 'incremental'")) {
                ps.setString(1, run.migration.sink.name());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getLong(1) > 0) {
                        return;
                    }
                }
            } catch (SQLException notYet) {
                // the sink creates its state tables when it starts
            }
            run.migration.assertConnectorsHealthy();
            Thread.sleep(500);
        }
        throw new IllegalStateException("the sink did not reach the binary log within " + SNAPSHOT_TIMEOUT);
    }

    /** Marks the end of the stream on the source and waits until the destination has the mark. */
    private void awaitEndMark(Run run) throws Exception {
        String sentinel = Identifiers.quote(run.database, SENTINEL);
        stack.source().execute("INSERT INTO " + sentinel + " VALUES (" + END_MARK + ", 'end')");
        long deadline = System.nanoTime() + STREAM_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection d = stack.destination().connect(); Statement st = d.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + sentinel + " WHERE id = " + END_MARK)) {
                if (rs.next() && rs.getLong(1) > 0) {
                    return;
                }
            }
            run.migration.assertConnectorsHealthy();
            Thread.sleep(250);
        }
        throw new IllegalStateException("the sink did not apply the end of the stream within " + STREAM_TIMEOUT);
    }

    private Long[] autoIncrement(String database, String table) throws SQLException {
        return new Long[] {autoIncrement(stack.source().connect(), database, table),
                autoIncrement(stack.destination().connect(), database, table)};
    }

    private static Long autoIncrement(Connection connection, String database, String table) throws SQLException {
        try (Connection c = connection; PreparedStatement ps = c.prepareStatement(
                "SELECT AUTO_INCREMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            ps.setString(1, database);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long value = rs.getLong(1);
                return rs.wasNull() ? null : value;
            }
        }
    }

    private FidelityOutcome compare(Run run, FidelityCase c) throws SQLException {
        String db = run.database;
        String table = c.table();
        List<String> differences = new ArrayList<>();
        Optional<TableFingerprint> source;
        Optional<TableFingerprint> destination;
        try (Connection s = utc(stack.source().connect()); Connection d = utc(stack.destination().connect())) {
            source = TableChecksum.of(s, db, table);
            destination = TableChecksum.of(d, db, table);
            if (destination.isEmpty()) {
                differences.add("the table is missing on the destination");
            } else {
                List<RowImages.Column> columns = RowImages.columns(s, db, table);
                List<String> key = RowImages.primaryKey(s, db, table);
                try {
                    for (RowImages.Difference diff : RowImages.compare(RowImages.read(s, db, table, columns, key),
                            RowImages.read(d, db, table, columns, key))) {
                        String sent = diff.column() == null ? null : run.observed.valuesSent(table, diff.key(), diff.column());
                        differences.add(diff.describe() + (sent == null ? "" : "; Debezium sent: " + sent));
                    }
                } catch (SQLException e) {
                    differences.add("cannot compare rows: " + e.getMessage());
                }
            }
        }
        Long[] afterSnapshot = run.autoIncrementAfterSnapshot.getOrDefault(c.name(), new Long[2]);
        Long[] afterStream = run.error == null ? autoIncrement(db, table) : new Long[2];
        FidelityOutcome.AutoIncrement counters = new FidelityOutcome.AutoIncrement(afterSnapshot[0], afterSnapshot[1],
                afterStream[0], afterStream[1]);
        String sourceDefinition = source.map(TableFingerprint::definition).orElse(null);
        String destinationDefinition = destination.map(TableFingerprint::definition).orElse(null);
        boolean definitionsMatch = sourceDefinition != null && sourceDefinition.equals(destinationDefinition);
        boolean checksumsMatch = source.isPresent() && destination.isPresent() && source.get().sameRowsAs(destination.get());
        String checksumDetail = source.map(f -> f.rows() + " rows " + f.sumChecksum() + "/" + f.xorChecksum()).orElse("none")
                + " vs " + destination.map(f -> f.rows() + " rows " + f.sumChecksum() + "/" + f.xorChecksum()).orElse("none");
        Map<String, String> types = run.observed.columnTypes.getOrDefault(table, new LinkedHashMap<>());
        return new FidelityOutcome(c, run.error, run.errorStage, definitionsMatch, sourceDefinition, destinationDefinition, checksumsMatch,
                checksumDetail, source.map(TableFingerprint::rows).orElse(0L), differences, counters, types);
    }

    private static Connection utc(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION time_zone = '+00:00'");
        }
        return c;
    }

    /** The message's first line and its causes, enough to act on without the whole stack trace. */
    static String summarize(String message) {
        List<String> kept = new ArrayList<>();
        for (String line : message.split("\\R")) {
            String l = line.strip();
            if (kept.isEmpty() || l.startsWith("Caused by:")) {
                kept.add(abbreviate(l, 700));
            }
        }
        return String.join(" / ", kept.subList(0, Math.min(kept.size(), 6)));
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static void log(String format, Object... args) {
        System.out.println("[fidelity] " + String.format(format, args));
    }
}
