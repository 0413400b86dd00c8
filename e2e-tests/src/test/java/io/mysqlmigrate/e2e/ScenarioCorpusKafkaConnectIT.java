package io.mysqlmigrate.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.precheck.cli.OperatorCli;
import io.mysqlmigrate.stack.DatabaseServer;
import io.mysqlmigrate.stack.FlavourPair;
import io.mysqlmigrate.stack.SharedStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * The scenario corpus ({@code src/test/resources/scenarios/}, one folder per scenario) through the real stack on one
 * flavour pair; a subclass per pair names the servers it starts. Each scenario gets its own database. Scenarios with
 * nothing of their own to set share a migration (a source and a sink connector) in groups; the others get one each.
 * A group's life: the scripts' schema on the source, both connectors registered, the sink reaching the binary log,
 * the live scripts, an end mark applied, then the operator's real {@code mysql-migrate cutover} (verify, connectors
 * removed, held-back triggers created, events enabled), and finally the comparator ({@link CanonicalDump}) on every
 * scenario's database. A scenario expected to fail must fail with its message; a known gap must still differ.
 *
 * <p>{@code -Dscenarios=<regex>} runs only the matching scenarios; {@code -Dscenarios.group=<n>} sets the group size.
 */
abstract class ScenarioCorpusKafkaConnectIT {

    static final String SENTINEL = "_scenario_sentinel";
    private static final long END_MARK = 1_000_000_000L;
    private static final Duration SNAPSHOT_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration STREAM_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration FAILURE_TIMEOUT = Duration.ofSeconds(120);
    private static final int GROUP_SIZE = Integer.getInteger("scenarios.group", 16);
    private static final int PARALLEL_GROUPS = Integer.getInteger("scenarios.parallel", 2);
    /**
     * The collation mapping docs/TYPES.md documents for a pair, set on every sink of that pair as an operator following
     * the precheck would: MySQL 8+'s default collation has no twin on MariaDB 10.11, and the one it maps to has none on
     * MySQL (the way back).
     */
    static final Map<FlavourPair, String> DOCUMENTED_COLLATION_MAPPING = Map.of(
            FlavourPair.MYSQL_TO_MARIADB, "utf8mb4_0900_ai_ci:utf8mb4_uca1400_nopad_ai_ci",
            FlavourPair.MARIADB_TO_MYSQL, "utf8mb4_uca1400_nopad_ai_ci:utf8mb4_0900_ai_ci");
    /** The operator's command writes to System.out: one run at a time in this JVM. */
    private static final Object CLI_LOCK = new Object();

    private final SharedStack stack = SharedStack.get();

    abstract FlavourPair pair();

    /** What happened to one scenario. */
    record Outcome(Scenario scenario, String stage, String error, List<String> differences, String failure) {
    }

    private final class Group {
        final String name;
        final List<Scenario> scenarios;
        final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        final List<Scenario> prepared = new ArrayList<>();
        Migration migration;
        String stage = "prepare";
        String failure;

        Group(String name, List<Scenario> scenarios) {
            this.name = name;
            this.scenarios = scenarios;
        }

        Scenario single() {
            return scenarios.size() == 1 ? scenarios.get(0) : null;
        }
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioEndsAsExpected() throws Exception {
        FlavourPair pair = pair();
        SharedStack.ServerPair servers = stack.pair(pair);
        String only = System.getProperty("scenarios", "").strip();
        List<Scenario> scenarios = Scenario.loadAll(Path.of(getClass().getResource("/" + Scenario.CORPUS).toURI()))
                .stream().filter(s -> s.runsOn(pair)).filter(s -> only.isEmpty() || s.name().matches(only)).toList();
        List<Group> groups = groups(pair, scenarios);
        long started = System.nanoTime();
        log("%s: %d scenarios in %d migrations", pair, scenarios.size(), groups.size());
        // Every source is prepared before any migration starts: Debezium reads every DDL of the binary log, other
        // databases' included, so one scenario's schema (a type Debezium cannot parse, say) must not reach the
        // migrations of the others.
        for (Group group : groups) {
            prepare(group, servers);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(PARALLEL_GROUPS, groups.size())));
        try {
            CompletableFuture.allOf(groups.stream().map(g -> CompletableFuture.runAsync(() -> lifecycle(g, servers), pool))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdownNow();
        }
        log("%s: corpus done in %d s", pair, (System.nanoTime() - started) / 1_000_000_000L);
        List<DynamicTest> tests = new ArrayList<>();
        for (Group group : groups) {
            for (Scenario scenario : group.scenarios) {
                Outcome outcome = group.outcomes.get(scenario.name());
                String label = scenario.name() + scenario.knownGap(pair).map(g -> " (known gap)").orElse("")
                        + (scenario.expect() == Scenario.Expect.FAILURE ? " (fails as expected)" : "");
                tests.add(DynamicTest.dynamicTest(label, () -> check(pair, outcome)));
            }
        }
        return tests.stream();
    }

    private List<Group> groups(FlavourPair pair, List<Scenario> scenarios) {
        List<Group> groups = new ArrayList<>();
        List<Scenario> shared = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            if (scenario.shareable(pair)) {
                shared.add(scenario);
            } else {
                groups.add(new Group(migrationName(pair, scenario.name()), List.of(scenario)));
            }
        }
        for (int i = 0; i < shared.size(); i += GROUP_SIZE) {
            groups.add(new Group(migrationName(pair, "group-" + (i / GROUP_SIZE + 1)),
                    shared.subList(i, Math.min(shared.size(), i + GROUP_SIZE))));
        }
        return groups;
    }

    private static String migrationName(FlavourPair pair, String suffix) {
        String name = "sc-" + pair.tag() + "-" + suffix.replace('_', '-');
        return name.length() > 60 ? name.substring(0, 60) : name;
    }

    private static void check(FlavourPair pair, Outcome outcome) {
        Scenario scenario = outcome.scenario();
        String where = "scenarios/" + scenario.name() + " on " + pair;
        if (scenario.expect() == Scenario.Expect.FAILURE) {
            if (outcome.failure() == null) {
                fail(where + " was expected to fail with /" + scenario.failureMessage().orElseThrow() + "/ but "
                        + (outcome.error() != null ? "stopped during the " + outcome.stage() + ": " + outcome.error()
                        : "the migration went through; differences: " + outcome.differences()));
            }
            if (!scenario.failureMessage().orElseThrow().matcher(outcome.failure()).find()) {
                fail(where + " failed, but not with /" + scenario.failureMessage().orElseThrow() + "/:\n" + outcome.failure());
            }
            return;
        }
        Optional<String> gap = scenario.knownGap(pair);
        if (outcome.error() != null && gap.isPresent()) {
            // a gap whose migration stops (the destination refuses what the capture changed) is confirmed by stopping
            log("%s: known gap confirmed (%s): the migration stopped during the %s:%n%s", where, gap.get(), outcome.stage(),
                    outcome.error());
            return;
        }
        if (outcome.error() != null) {
            fail(where + " stopped during the " + outcome.stage() + ": " + outcome.error());
        }
        if (gap.isEmpty() && !outcome.differences().isEmpty()) {
            fail(where + ": the destination differs from the source:\n" + String.join("\n", outcome.differences()));
        }
        if (gap.isPresent() && outcome.differences().isEmpty()) {
            fail(where + " is listed as a known gap (" + gap.get() + ") but is now identical: remove known-gap."
                    + pair.id() + " from its scenario.properties");
        }
        if (gap.isPresent()) {
            log("%s: known gap confirmed (%s):%n%s", where, gap.get(), String.join("\n", outcome.differences()));
        }
    }

    // ---- one migration ------------------------------------------------------------------------------------------

    private void lifecycle(Group group, SharedStack.ServerPair servers) {
        FlavourPair pair = servers.pair();
        try {
            if (group.prepared.isEmpty()) {
                return;
            }
            List<String> databases = group.prepared.stream().map(s -> s.database(pair)).toList();
            group.migration = new Migration(stack, servers, group.name, databases);
            Map<String, String> sourceSettings = new LinkedHashMap<>();
            Map<String, String> sinkSettings = new LinkedHashMap<>();
            // A row the destination rejects fails the sink task after one minute of retries rather than ten.
            sinkSettings.put("retry.other.minutes", "1");
            // the catalog watcher checks views and routines every second, so the cutover's wait for a full check is short
            sourceSettings.put("objects.sync.interval.ms", "1000");
            if (DOCUMENTED_COLLATION_MAPPING.containsKey(pair)) {
                sinkSettings.put("collation.mapping", DOCUMENTED_COLLATION_MAPPING.get(pair));
            }
            Scenario single = group.single();
            if (single != null) {
                sourceSettings.putAll(single.connectorSettings("source"));
                sinkSettings.putAll(single.connectorSettings("sink"));
                if (single.leastPrivilege()) {
                    leastPrivilegeAccounts(servers, group, databases, sourceSettings, sinkSettings);
                }
            }
            group.stage = "start";
            group.migration.start(merged(group.migration.source.config(), sourceSettings),
                    merged(group.migration.sink.config(), sinkSettings));
            group.stage = "snapshot";
            awaitIncrementalPhase(group, servers, databases);
            group.stage = "live scripts";
            for (Scenario scenario : group.prepared) {
                if (scenario.live().isPresent()) {
                    runScript(servers.source(), scenario, pair, scenario.live().get(), "live.sql");
                }
            }
            group.stage = "stream";
            awaitEndMarks(group, servers, databases);
            group.stage = "cutover";
            String verifyFound = cutover(group, servers);
            group.stage = "comparison";
            for (Scenario scenario : group.prepared) {
                List<String> differences = new ArrayList<>(compare(servers, scenario.database(pair)));
                if (verifyFound != null && scenario.knownGap(pair).isEmpty()) {
                    // the product's own verify must agree with the comparator: a table it calls different is a finding
                    // even where the comparator sees none (it stopped the cutover, so nothing held back was created)
                    verifyFound.lines().filter(l -> (l.startsWith("DIFF") || l.startsWith("ERROR")) && l.contains(" " + scenario.database(pair) + "."))
                            .forEach(l -> differences.add("mysql-migrate cutover's verify: " + l.strip()));
                }
                group.outcomes.put(scenario.name(), new Outcome(scenario, group.stage, null, differences, null));
            }
        } catch (Throwable e) {
            String failure = group.migration == null ? null : failedTaskTrace(group.migration);
            String error = failure != null ? failure : summarize(e);
            log("%s stopped during the %s: %s", group.name, group.stage, error);
            for (Scenario scenario : group.prepared) {
                group.outcomes.putIfAbsent(scenario.name(), new Outcome(scenario, group.stage, error, List.of(), failure));
            }
        } finally {
            if (group.migration != null) {
                try {
                    group.migration.close();
                } catch (RuntimeException e) {
                    // the cutover removed them already
                }
            }
        }
    }

    private void prepare(Group group, SharedStack.ServerPair servers) {
        for (Scenario scenario : group.scenarios) {
            try {
                prepareSource(servers, scenario);
                group.prepared.add(scenario);
            } catch (Exception e) {
                group.outcomes.put(scenario.name(), new Outcome(scenario, "preparation of the source", summarize(e), List.of(), null));
            }
        }
    }

    private static Map<String, String> merged(Map<String, String> base, Map<String, String> changes) {
        Map<String, String> out = new LinkedHashMap<>(base);
        out.putAll(changes);
        return out;
    }

    private void prepareSource(SharedStack.ServerPair servers, Scenario scenario) throws SQLException {
        String database = scenario.database(servers.pair());
        String db = Identifiers.quote(database);
        servers.destination().execute("DROP DATABASE IF EXISTS " + db);
        servers.source().execute("DROP DATABASE IF EXISTS " + db, "CREATE DATABASE " + db,
                "CREATE TABLE " + db + "." + Identifiers.quote(SENTINEL)
                        + " (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, phase VARCHAR(20) NOT NULL)");
        runScript(servers.source(), scenario, servers.pair(), scenario.schema(), "schema.sql");
    }

    private static void runScript(DatabaseServer server, Scenario scenario, FlavourPair pair, String sql, String file)
            throws SQLException {
        try (Connection connection = server.connect(scenario.database(pair)); Statement st = connection.createStatement()) {
            if (scenario.sessionSqlMode().isPresent()) {
                st.execute("SET SESSION sql_mode = '" + scenario.sessionSqlMode().get().replace("'", "''") + "'");
            }
            if (scenario.sessionTimeZone().isPresent()) {
                st.execute("SET SESSION time_zone = '" + scenario.sessionTimeZone().get().replace("'", "''") + "'");
            }
            for (String statement : ScenarioScript.statements(sql)) {
                try {
                    st.execute(statement);
                } catch (SQLException e) {
                    throw new SQLException("scenarios/" + scenario.name() + "/" + file + " on " + server.name() + ": "
                            + e.getMessage() + "\n  in: " + abbreviate(statement, 300), e.getSQLState(), e.getErrorCode(), e);
                }
            }
        }
    }

    private void leastPrivilegeAccounts(SharedStack.ServerPair servers, Group group, List<String> databases,
            Map<String, String> sourceSettings, Map<String, String> sinkSettings) {
        String user = "lp_" + Integer.toHexString(group.name.hashCode()); // MySQL allows 32 characters
        String password = "lp-" + Integer.toHexString(group.name.hashCode());
        DocumentedAccounts.create(servers.source(), "source", user, password, databases, "mysql_migrate");
        DocumentedAccounts.create(servers.destination(), "destination", user, password, databases, "mysql_migrate");
        // docs/SECURITY.md's fix for a destination that writes a binary log: functions and triggers from an account
        // without SUPER (the precheck's destination.routine_creation asks for it)
        servers.destination().execute("SET GLOBAL log_bin_trust_function_creators = 1");
        sourceSettings.put("source.user", user);
        sourceSettings.put("source.password", password);
        sinkSettings.put("destination.user", user);
        sinkSettings.put("destination.password", password);
    }

    /**
     * Writes heartbeats into every database's sentinel table until the sink has applied a streamed change of each:
     * the topic holds the snapshot before the stream, so from then on the destination holds every snapshot row.
     */
    private void awaitIncrementalPhase(Group group, SharedStack.ServerPair servers, List<String> databases) {
        group.migration.awaiting("the sink reaches the binary log of every database", SNAPSHOT_TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    for (String database : databases) {
                        servers.source().execute("INSERT INTO " + Identifiers.quote(database, SENTINEL) + " (phase) VALUES ('heartbeat')");
                    }
                    try (Connection d = servers.destination().connect();
                            PreparedStatement ps = d.prepareStatement("SELECT COUNT(*) FROM mysql_migrate.sink_offsets "
                                    + "WHERE connector = ? AND phase = 'incremental'")) {
                        ps.setString(1, group.migration.sink.name());
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next() ? rs.getLong(1) : 0L;
                        }
                    } catch (SQLException notYet) {
                        return 0L; // the sink creates its state tables when it starts
                    }
                }, incremental -> incremental >= databases.size());
    }

    /** Marks the end of each database's stream on the source and waits until the destination has every mark. */
    private void awaitEndMarks(Group group, SharedStack.ServerPair servers, List<String> databases) throws Exception {
        for (String database : databases) {
            servers.source().execute("INSERT INTO " + Identifiers.quote(database, SENTINEL) + " VALUES (" + END_MARK + ", 'end')");
        }
        List<String> waiting = new ArrayList<>(databases);
        group.migration.awaiting("the sink applies the end of the stream of every database", STREAM_TIMEOUT)
                .until(() -> {
                    try (Connection d = servers.destination().connect(); Statement st = d.createStatement()) {
                        waiting.removeIf(database -> {
                            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + Identifiers.quote(database, SENTINEL)
                                    + " WHERE id = " + END_MARK)) {
                                return rs.next() && rs.getLong(1) > 0;
                            } catch (SQLException notYet) {
                                return false;
                            }
                        });
                    }
                    return List.copyOf(waiting);
                }, List::isEmpty);
    }

    /**
     * The operator's cutover, as operators run it: the scripts are done, so writes are stopped already. Returns its
     * output when its verify found differences (exit 1: the connectors stay, nothing held back is created), else null.
     */
    private String cutover(Group group, SharedStack.ServerPair servers) throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), group.name);
        ObjectMapper json = new ObjectMapper();
        Path sourceFile = dir.resolve("source.json");
        Path sinkFile = dir.resolve("sink.json");
        Migration m = group.migration;
        Files.writeString(sourceFile, json.writeValueAsString(Map.of("name", m.source.name(), "config", m.startedSource)));
        Files.writeString(sinkFile, json.writeValueAsString(Map.of("name", m.sink.name(), "config", m.startedSink)));
        String out;
        int code;
        synchronized (CLI_LOCK) {
            PrintStream original = System.out;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                code = new CommandLine(new OperatorCli()).execute("cutover", "--source-config", sourceFile.toString(),
                        "--sink-config", sinkFile.toString(), "--connect-url", stack.rest().restUrl(), "--writes-stopped",
                        "--max-delay-ms", "60000", "--timeout-seconds", "60");
            } finally {
                System.setOut(original);
            }
            out = captured.toString(StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("cutover.txt"), out);
        if (code == 1) {
            // verify found differences: the connectors stay, nothing is created; the comparator says what differs
            log("%s: the cutover's verification found differences (kept in %s)", group.name, dir.resolve("cutover.txt"));
            return out;
        } else if (code != 0) {
            throw new IllegalStateException("mysql-migrate cutover exited with " + code + ":\n" + out);
        }
        return null;
    }

    private List<String> compare(SharedStack.ServerPair servers, String database) throws SQLException {
        boolean sameFlavour = servers.pair().source() == servers.pair().destination();
        try (Connection s = servers.source().connect(); Connection d = servers.destination().connect()) {
            Set<String> json = new TreeSet<>(CanonicalDump.jsonColumns(s, database));
            json.addAll(CanonicalDump.jsonColumns(d, database));
            Set<String> excluded = Set.of(SENTINEL);
            Map<String, String> mapping = new java.util.HashMap<>();
            for (String rule : DOCUMENTED_COLLATION_MAPPING.getOrDefault(servers.pair(), "").split(",")) {
                if (rule.contains(":")) {
                    mapping.put(rule.substring(0, rule.indexOf(':')), rule.substring(rule.indexOf(':') + 1));
                }
            }
            return CanonicalDump.differences(
                    CanonicalDump.of(s, database, excluded, sameFlavour, json, c -> mapping.getOrDefault(c, c)),
                    CanonicalDump.of(d, database, excluded, sameFlavour, json, c -> c));
        }
    }

    /** The trace of a failed task of the migration, once one shows as failed (a task may take a moment to); else null. */
    private String failedTaskTrace(Migration migration) {
        try {
            return await("a failed task of " + migration.name).atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        for (String connector : List.of(migration.source.name(), migration.sink.name())) {
                            var status = stack.rest().status(connector);
                            if (!status.failedTasks().isEmpty()) {
                                return connector + ": " + causes(status.failedTasks().get(0).trace());
                            }
                        }
                        return null;
                    }, trace -> trace != null);
        } catch (ConditionTimeoutException noFailedTask) {
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    /** A task's trace without its stack frames: the exception and every cause, which name what failed. */
    static String causes(String trace) {
        StringBuilder out = new StringBuilder();
        for (String line : trace.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("at ") || stripped.startsWith("... ") || stripped.isEmpty()) {
                continue;
            }
            out.append(line).append('\n');
        }
        return abbreviate(out.toString().strip(), 6000);
    }

    private static String summarize(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return abbreviate(message, 4000);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }

    static void log(String format, Object... args) {
        System.out.printf("[scenarios] " + format + "%n", args);
    }
}
