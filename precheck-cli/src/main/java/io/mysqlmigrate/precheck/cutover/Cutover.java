package io.mysqlmigrate.precheck.cutover;

import io.mysqlmigrate.dialect.BinlogPosition;
import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.dialect.ObjectContext;
import io.mysqlmigrate.dialect.ObjectSession;
import io.mysqlmigrate.dialect.ServerVersion;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.checks.ObjectVisibility;
import io.mysqlmigrate.sink.naming.NameMapping;
import io.mysqlmigrate.source.objects.ObjectCatalog;
import io.mysqlmigrate.source.objects.SourceObject;
import io.mysqlmigrate.precheck.progress.ConnectApi;
import io.mysqlmigrate.precheck.progress.ConnectorState;
import io.mysqlmigrate.precheck.progress.MigrationStatus;
import io.mysqlmigrate.precheck.progress.SinkProgress;
import io.mysqlmigrate.precheck.progress.StatusCollector;
import io.mysqlmigrate.precheck.verify.TablePair;
import io.mysqlmigrate.precheck.verify.TableResult;
import io.mysqlmigrate.precheck.verify.TableVerifier;
import io.mysqlmigrate.precheck.verify.Verification;
import io.mysqlmigrate.precheck.verify.VerifyPlanner;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.source.MigrationSourceConfig;
import io.mysqlmigrate.source.routing.DatabaseTopics;
import io.mysqlmigrate.source.selection.TableSelection;
import io.mysqlmigrate.stack.ConnectRestClient;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The end of a migration, in the order that makes it safe: check that the source account sees every trigger and event
 * the cut-over creates (and warn about views and routines it cannot see), before anything is stopped; wait until the
 * delay is small; stop writes on the source;
 * note where its binary log ends; wait until the sink has applied every transaction of the migrated databases up to
 * there (read from the binary log itself) and everything in Kafka; verify; stop and delete both connectors, so no
 * resumed task can write to the destination again; ANALYZE TABLE on the destination. Each step is timed. When verify
 * finds differences the connectors are left in place and the cutover stops there. The triggers and events created are
 * then compared with the source's, by name.
 */
public final class Cutover {

    /** A step done, how long it took, and what it found. */
    public record Step(String name, long millis, String detail) {
    }

    /** The outcome: 0 done, 1 verify found differences (connectors kept), 2 a step could not be completed. */
    public record Result(int exitCode, List<Step> steps, List<TableResult> verify, String failure) {
    }

    /** How writes on the source stop: the cutover sets read_only, or the operator stops them and confirms. */
    public interface WritesStop {
        /** Returns a description of what was done. */
        String stop(Connection source) throws Exception;
    }

    public record Options(long maxDelayMs, Duration timeout, int threads, long recheckAfterMs) {
    }

    private static final long POLL_MS = 250;
    /** How long a database without streamed changes must stand still, all of Kafka applied, to count as caught up. */
    static final long QUIET_SETTLE_MS = 5000;

    private final String sourceName;
    private final MigrationSourceConfig source;
    private final String sinkName;
    private final MigrationSinkConfig sink;
    private final ConnectRestClient rest;
    private final StatusCollector collector;
    private final Verification.Servers servers;
    private final PrintStream log;

    public Cutover(String sourceName, MigrationSourceConfig source, String sinkName, MigrationSinkConfig sink, ConnectRestClient rest,
                   StatusCollector collector, Verification.Servers servers, PrintStream log) {
        this.sourceName = sourceName;
        this.source = source;
        this.sinkName = sinkName;
        this.sink = sink;
        this.rest = rest;
        this.collector = collector;
        this.servers = servers;
        this.log = log;
    }

    public Result run(Options options, WritesStop writesStop) throws InterruptedException {
        List<Step> steps = new ArrayList<>();
        List<TableResult> verify = List.of();
        String stepName = "source's objects readable";
        try (Connection s = servers.source(); Connection d = servers.destination()) {
            long t0 = System.nanoTime();
            steps.add(step(stepName, t0, objectsReadable(s)));

            stepName = "delay under " + options.maxDelayMs() + " ms";
            t0 = System.nanoTime();
            MigrationStatus status = awaitDelay(options);
            List<String> quiet = status.partitions().stream().filter(p -> !p.streams()).map(MigrationStatus.PartitionView::topic).toList();
            steps.add(step(stepName, t0, "delay " + status.delayMs() + " ms, phase " + status.phase()
                    + (quiet.isEmpty() || status.phase() == MigrationStatus.Phase.COMPLETED ? ""
                            : "; no change since the snapshot: " + String.join(", ", quiet))));

            stepName = "writes stopped on the source";
            t0 = System.nanoTime();
            long writesStopped = t0;
            String how = writesStop.stop(s);
            steps.add(step(stepName, t0, how));

            stepName = "source's final position";
            t0 = System.nanoTime();
            SourceBinlog.Position end = SourceBinlog.end(s);
            steps.add(step(stepName, t0, end.toString()));

            stepName = "sink applied up to " + end;
            t0 = System.nanoTime();
            String applied = awaitApplied(s, d, end, options);
            steps.add(step(stepName, t0, applied));

            stepName = "verify";
            t0 = System.nanoTime();
            List<TablePair> pairs = VerifyPlanner.plan(source, sink, s, d);
            verify = Verification.run(pairs, servers, options.threads(),
                    new TableVerifier.Options(500, options.recheckAfterMs(), 1, 64, false, new io.mysqlmigrate.precheck.verify.RateLimiter(0)));
            int verdict = Verification.exitCode(verify);
            long identical = verify.stream().filter(r -> r.outcome() == TableResult.Outcome.IDENTICAL).count();
            steps.add(step(stepName, t0, identical + " of " + verify.size() + " tables identical"));
            if (verdict != 0) {
                return new Result(verdict == 1 ? 1 : 2, steps, verify, "verify found differences or could not read a table: the "
                        + "connectors are left running and the source stays as it is; look into the tables listed, then cut over again");
            }

            stepName = "views and routines in step";
            t0 = System.nanoTime();
            steps.add(step(stepName, t0, awaitObjectsInStep(s, d, writesStopped, options)));

            stepName = "connectors stopped and deleted";
            t0 = System.nanoTime();
            for (String connector : List.of(sourceName, sinkName)) {
                ConnectApi.stop(rest, connector);
            }
            for (String connector : List.of(sourceName, sinkName)) {
                rest.delete(connector);
            }
            awaitGone(options);
            recordCutover(d, sink.stateDatabase(), sinkName, sourceName);
            steps.add(step(stepName, t0, sourceName + ", " + sinkName + " (recorded in " + sink.stateDatabase() + "."
                    + CUTOVERS_TABLE + ")"));

            stepName = "triggers created, events enabled";
            t0 = System.nanoTime();
            steps.add(step(stepName, t0, heldBackObjects(s, d)));

            stepName = "ANALYZE TABLE on the destination";
            t0 = System.nanoTime();
            try (Statement st = d.createStatement()) {
                for (TablePair p : pairs) {
                    st.execute("ANALYZE TABLE " + Identifiers.quote(p.destinationDatabase(), p.destinationTable()));
                }
            }
            steps.add(step(stepName, t0, pairs.size() + " tables"));
            return new Result(0, steps, verify, null);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return new Result(2, steps, verify, stepName + ": " + ConnectApi.explain(e));
        }
    }

    /**
     * The destination's record that this migration was cut over: one row per sink connector, written once both
     * connectors are deleted, so that tools which find the connectors gone can tell a finished migration from a lost one.
     */
    public static final String CUTOVERS_TABLE = "cutovers";

    static void recordCutover(Connection d, String stateDatabase, String sinkName, String sourceName) throws SQLException {
        String table = Identifiers.quote(stateDatabase, CUTOVERS_TABLE);
        try (Statement st = d.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + table + " (connector VARCHAR(255) NOT NULL PRIMARY KEY, "
                    + "source_connector VARCHAR(255) NOT NULL, done_at TIMESTAMP(3) NOT NULL)");
        }
        try (java.sql.PreparedStatement ps = d.prepareStatement("REPLACE INTO " + table
                + " (connector, source_connector, done_at) VALUES (?, ?, CURRENT_TIMESTAMP(3))")) {
            ps.setString(1, sinkName);
            ps.setString(2, sourceName);
            ps.executeUpdate();
        }
    }

    /** The kinds the cut-over creates or enables on the destination, and so must read from the source in full. */
    private Set<ObjectVisibility.Kind> heldBackKinds() {
        Set<ObjectVisibility.Kind> kinds = EnumSet.copyOf(ObjectVisibility.migrated(source));
        kinds.retainAll(EnumSet.of(ObjectVisibility.Kind.TRIGGERS, ObjectVisibility.Kind.EVENTS));
        return kinds;
    }

    /**
     * Before anything is stopped: the source account (the connector's, which the migration read with) must see every
     * trigger and event the cut-over creates or enables. The server hides those it has no privilege on without an error,
     * so the cut-over would create none and call that success: a gap fails naming what it cannot read and the GRANT.
     * Views and routines, which the migration created, are checked too; what the account cannot see of them is a
     * warning in this step's line (the precheck's source.objects.visible decides about them before the migration).
     */
    String objectsReadable(Connection s) throws SQLException {
        Set<ObjectVisibility.Kind> kinds = ObjectVisibility.migrated(source);
        if (kinds.isEmpty()) {
            return "tables are selected one by one: no views, routines, triggers or events are migrated";
        }
        List<ObjectVisibility.Gap> gaps = ObjectVisibility.gaps(s, ServerVersion.detect(s), source.databases(), kinds);
        Set<ObjectVisibility.Kind> created = heldBackKinds();
        List<ObjectVisibility.Gap> blocking = gaps.stream().filter(g -> created.contains(g.kind())).toList();
        if (!blocking.isEmpty()) {
            throw new IllegalStateException("the source account cannot read what the cut-over must create: "
                    + blocking.stream().map(ObjectVisibility.Gap::describe).collect(Collectors.joining("; ")) + ". Nothing was "
                    + "stopped; grant it and cut over again: "
                    + blocking.stream().flatMap(g -> g.grants().stream()).collect(Collectors.joining(" ")));
        }
        String visible = kinds.stream().filter(k -> gaps.stream().noneMatch(g -> g.kind() == k)).map(ObjectVisibility.Kind::label)
                .collect(Collectors.joining(", "));
        String text = (visible.isEmpty() ? "" : visible + " of " + String.join(", ", source.databases()) + " all visible to the "
                + "source account");
        for (ObjectVisibility.Gap g : gaps) {
            text += (text.isEmpty() ? "" : "; ") + "WARNING: " + g.describe() + ", and the migration may have left them out ("
                    + String.join(" ", g.grants()) + ")";
        }
        return text;
    }

    /**
     * With the connectors gone, what was held back goes live: the source's triggers (unless the migration created
     * them already, guarded) and its events, which the migration created disabled. A trigger already there is kept.
     * Then every trigger and event the source holds must be on the destination (enabled, for events): a shortfall fails
     * naming what is missing, rather than a count that looks like success.
     */
    String heldBackObjects(Connection s, Connection d) throws SQLException {
        NameMapping names;
        try (Statement st = d.createStatement(); java.sql.ResultSet rs = st.executeQuery("SELECT @@lower_case_table_names")) {
            rs.next();
            names = sink.nameMapping(rs.getInt(1));
        }
        Set<ObjectVisibility.Kind> kinds = heldBackKinds();
        int created = 0;
        int existing = 0;
        List<String> missing = new ArrayList<>();
        int sourceTriggers = 0;
        if (kinds.contains(ObjectVisibility.Kind.TRIGGERS)) {
            List<SourceObject> triggers = ObjectCatalog.triggers(s, source.databases());
            sourceTriggers = triggers.size();
            if (!source.triggersImmediately()) {
                for (SourceObject trigger : triggers) {
                    try {
                        // in the sql_mode and character set the source's trigger was defined in, as the sink creates objects
                        var mapping = sink.collationMapping();
                        ObjectSession.execute(d, names.database(trigger.database()),
                                trigger.context() == null ? null : trigger.context().mapped(mapping::charset, mapping::collation),
                                trigger.createStatement(),
                                collation -> io.mysqlmigrate.sink.DestinationConnections.open(sink, collation));
                        created++;
                    } catch (SQLException e) {
                        if (e.getErrorCode() != 1359) { // ER_TRG_ALREADY_EXISTS
                            throw new SQLException("Cannot create trigger " + trigger.database() + "." + trigger.name() + ": " + e.getMessage(), e);
                        }
                        existing++;
                    }
                }
            }
            for (SourceObject trigger : triggers) {
                if (!destinationHas(d, "SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? AND TRIGGER_NAME = ?",
                        names.database(trigger.database()), trigger.name())) {
                    missing.add("trigger " + trigger.database() + "." + trigger.name());
                }
            }
        }
        int enabled = 0;
        int sourceEvents = 0;
        if (kinds.contains(ObjectVisibility.Kind.EVENTS)) {
            for (String database : source.databases()) {
                String target = names.database(database);
                // ALTER EVENT records its own session's character set and collation with the event: it runs in the
                // event's recorded context, so the event keeps the one the source defined it in.
                // The source's own state decides: an event disabled there stays disabled here (enabling it would start
                // a job the source does not run).
                java.util.Map<String, String> sourceStatus = new java.util.LinkedHashMap<>();
                for (List<String> row : CheckContext.rows(s, "SELECT EVENT_NAME, STATUS FROM information_schema.EVENTS "
                        + "WHERE EVENT_SCHEMA = ? ORDER BY EVENT_NAME", database)) {
                    sourceStatus.put(row.get(0), row.get(1));
                }
                List<ObjectContext> disabled = new ArrayList<>();
                try (java.sql.PreparedStatement ps = d.prepareStatement("SELECT EVENT_NAME, SQL_MODE, CHARACTER_SET_CLIENT, "
                        + "COLLATION_CONNECTION, DATABASE_COLLATION, TIME_ZONE FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ? "
                        + "AND STATUS <> 'ENABLED'")) {
                    ps.setString(1, target);
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            disabled.add(new ObjectContext("EVENT", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5), rs.getString(6)));
                        }
                    }
                }
                for (ObjectContext event : disabled) {
                    if ("ENABLED".equals(sourceStatus.get(event.name()))) {
                        ObjectSession.execute(d, target, event, "ALTER EVENT " + Identifiers.quote(target, event.name()) + " ENABLE", null);
                        enabled++;
                    }
                }
                for (java.util.Map.Entry<String, String> event : sourceStatus.entrySet()) {
                    sourceEvents++;
                    boolean enabledThere = "ENABLED".equals(event.getValue());
                    if (!destinationHas(d, "SELECT COUNT(*) FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ? AND EVENT_NAME = ? "
                            + "AND (STATUS = 'ENABLED') = " + enabledThere, target, event.getKey())) {
                        missing.add("event " + database + "." + event.getKey() + (enabledThere ? " (enabled)" : " (disabled)"));
                    }
                }
            }
        }
        String done = created + " triggers created" + (existing > 0 ? " (" + existing + " already there)" : "")
                + (source.triggersImmediately() ? " (created during the migration)" : "") + ", " + enabled + " events enabled";
        if (!missing.isEmpty()) {
            throw new SQLException(done + ", but the source holds " + sourceTriggers + " triggers and " + sourceEvents + " events "
                    + "and the destination lacks (or holds in another state) " + String.join(", ", missing) + ": create them on the "
                    + "destination (SHOW CREATE on the source), and check that the destination account holds TRIGGER and EVENT");
        }
        return done + "; all " + sourceTriggers + " triggers and " + sourceEvents + " events of the source are on the destination";
    }

    private static boolean destinationHas(Connection d, String sql, String database, String name) throws SQLException {
        return Long.parseLong(CheckContext.rows(d, sql, database, name).get(0).get(0)) > 0;
    }

    private Step step(String name, long startNanos, String detail) {
        Step step = new Step(name, (System.nanoTime() - startNanos) / 1_000_000, detail);
        log.printf("%-45s %8.1f s  %s%n", step.name(), step.millis() / 1000.0, step.detail());
        log.flush();
        return step;
    }

    /**
     * Waits until the databases that stream are within the delay and every other one (no change since its snapshot) has
     * nothing left in Kafka and has not moved for {@link #QUIET_SETTLE_MS}: a snapshot still running keeps moving. Those
     * quiet databases are then covered by the binary log check and verify like the others.
     */
    private MigrationStatus awaitDelay(Options options) throws Exception {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        MigrationStatus status;
        Map<String, Long> quietOffsets = Map.of();
        long quietSince = System.nanoTime();
        do {
            status = collector.collect();
            if (!status.failedTasks().isEmpty()) {
                throw new IllegalStateException("a task failed (see status): " + status.failedTasks().get(0).trace().lines().findFirst()
                        .orElse(""));
            }
            if (!status.source().registered() || !status.sink().registered()) {
                throw new IllegalStateException("both connectors must be registered; " + sourceName + ": " + status.source().state()
                        + ", " + sinkName + ": " + status.sink().state());
            }
            if (status.phase() == MigrationStatus.Phase.COMPLETED) {
                return status;
            }
            List<MigrationStatus.PartitionView> quiet = status.partitions().stream().filter(p -> !p.streams()).toList();
            Map<String, Long> offsets = quiet.stream().collect(Collectors.toMap(p -> p.topic() + "/" + p.partition(),
                    MigrationStatus.PartitionView::nextOffset));
            if (!offsets.equals(quietOffsets)) {
                quietOffsets = offsets;
                quietSince = System.nanoTime();
            }
            boolean quietSettled = quiet.stream().allMatch(p -> p.behind() != null && p.behind() == 0)
                    && (quiet.isEmpty() || System.nanoTime() - quietSince >= QUIET_SETTLE_MS * 1_000_000);
            boolean streamingOk = status.delayMs() == null || status.delayMs() <= options.maxDelayMs();
            if (status.partitions().size() >= source.databases().size() && streamingOk && quietSettled) {
                return status;
            }
            Thread.sleep(POLL_MS);
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("the delay did not fall under " + options.maxDelayMs() + " ms within " + options.timeout()
                + " (phase " + status.phase() + ", delay " + status.delayMs() + " ms)");
    }

    /**
     * Waits until, for every migrated database, no transaction after the one the sink applied last changes it before
     * {@code end}, and the sink has applied everything Kafka holds.
     */
    private String awaitApplied(Connection s, Connection d, SourceBinlog.Position end, Options options) throws Exception {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        TableSelection selection = new TableSelection(source.databases(), source.tables(), source.tablesExcluded());
        String waitingFor;
        do {
            Map<String, SinkProgress.Partition> byTopic = SinkProgress.read(d, sink.stateDatabase(), sinkName).stream()
                    .collect(Collectors.toMap(SinkProgress.Partition::topic, Function.identity(), (a, b) -> a));
            BinlogPosition earliest = byTopic.values().stream().map(SinkProgress.Partition::lastApplied)
                    .filter(p -> p != null).min(BinlogPosition::compareTo).orElse(null);
            List<BinlogEvent> events = SourceBinlog.events(s, earliest == null ? null : new SourceBinlog.Position(earliest.file(),
                    earliest.pos()), end);
            waitingFor = null;
            for (String database : source.databases()) {
                SinkProgress.Partition p = byTopic.get(DatabaseTopics.topicFor(source.topicPrefix(), database.trim()));
                BinlogPosition applied = p == null ? null : p.lastApplied();
                BinlogEvent pending = PendingChanges.firstPending(events, applied == null ? null : applied.file(),
                        applied == null ? 0 : applied.pos(), database.trim(), selection);
                if (pending != null) {
                    waitingFor = database.trim() + " at " + pending;
                    break;
                }
            }
            if (waitingFor == null) {
                MigrationStatus status = collector.collect();
                boolean kafkaDrained = status.partitions().stream().allMatch(p -> p.behind() != null && p.behind() == 0);
                if (kafkaDrained) {
                    return events.size() + " binary log events checked; nothing left in Kafka";
                }
                waitingFor = "records still in Kafka: " + status.partitions().stream()
                        .map(p -> p.topic() + " " + (p.behind() == null ? "unknown" : p.behind())).collect(Collectors.joining(", "));
            }
            Thread.sleep(POLL_MS);
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("the sink did not apply everything up to " + end + " within " + options.timeout()
                + "; waiting for " + waitingFor + ". (A change that the row filters or incremental.operations leave out is "
                + "never applied: check with verify, then finish by hand.)");
    }

    /**
     * Views, procedures and functions reach the destination from the source task's catalog watcher, which compares the
     * source's catalog with what it sent every {@code objects.sync.interval.ms}, not through the binary log. So the
     * connectors may only go once a whole check has run after writes stopped (two intervals), and the destination holds
     * exactly the source's views and routines by name: otherwise a view created or dropped just before the cutover would
     * be left behind (seen in the scenario corpus).
     */
    String awaitObjectsInStep(Connection s, Connection d, long writesStoppedNanos, Options options) throws Exception {
        if (!ObjectVisibility.migrated(source).contains(ObjectVisibility.Kind.VIEWS)) {
            return "none migrated (" + MigrationSourceConfig.TABLES_INCLUDE + " selects tables one by one)";
        }
        long interval = source.objectsSyncIntervalMs();
        if (interval <= 0) {
            return "not kept in step (" + MigrationSourceConfig.OBJECTS_SYNC_INTERVAL_MS + "=0): checked only at the start";
        }
        NameMapping names;
        try (Statement st = d.createStatement(); java.sql.ResultSet rs = st.executeQuery("SELECT @@lower_case_table_names")) {
            rs.next();
            names = sink.nameMapping(rs.getInt(1));
        }
        long settled = writesStoppedNanos + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(2 * interval);
        long deadline = System.nanoTime() + options.timeout().toNanos();
        java.util.SortedSet<String> missing = new java.util.TreeSet<>();
        java.util.SortedSet<String> extra = new java.util.TreeSet<>();
        int count = 0;
        while (true) {
            missing.clear();
            extra.clear();
            count = 0;
            for (String database : source.databases()) {
                boolean events = ObjectVisibility.migrated(source).contains(ObjectVisibility.Kind.EVENTS);
                java.util.Set<String> want = objectNames(s, database, events);
                java.util.Set<String> have = objectNames(d, names.database(database), events);
                count += want.size();
                want.stream().filter(o -> !have.contains(o)).forEach(o -> missing.add(database + " " + o));
                have.stream().filter(o -> !want.contains(o)).forEach(o -> extra.add(database + " " + o));
            }
            boolean inStep = missing.isEmpty() && extra.isEmpty();
            if (inStep && System.nanoTime() - settled >= 0) {
                return count + " views, procedures, functions" + (ObjectVisibility.migrated(source).contains(ObjectVisibility.Kind.EVENTS)
                        ? " and events" : "") + " on both sides, after a full catalog check since writes stopped";
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException("the destination's views and routines did not match the source's within "
                        + options.timeout().toSeconds() + " s: missing " + missing + ", not on the source " + extra
                        + " (the source task's catalog watcher carries them; see its log)");
            }
            Thread.sleep(POLL_MS);
        }
    }

    private static java.util.Set<String> objectNames(Connection c, String database, boolean events) throws SQLException {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (List<String> row : CheckContext.rows(c, "SELECT CONCAT('view ', TABLE_NAME) FROM information_schema.VIEWS "
                + "WHERE TABLE_SCHEMA = ? UNION ALL SELECT CONCAT(LOWER(ROUTINE_TYPE), ' ', ROUTINE_NAME) FROM "
                + "information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?", database, database)) {
            out.add(row.get(0));
        }
        if (events) { // events.migrate: the watcher carries them too, created disabled
            for (List<String> row : CheckContext.rows(c, "SELECT CONCAT('event ', EVENT_NAME) FROM information_schema.EVENTS "
                    + "WHERE EVENT_SCHEMA = ?", database)) {
                out.add(row.get(0));
            }
        }
        return out;
    }

    private void awaitGone(Options options) throws Exception {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (!ConnectorState.of(rest, sourceName).registered() && !ConnectorState.of(rest, sinkName).registered()) {
                return;
            }
            Thread.sleep(POLL_MS);
        }
        throw new IllegalStateException("the connectors are still registered after being deleted");
    }
}
