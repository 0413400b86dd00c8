package io.mysqlmigrate.sink.ddl;

import io.mysqlmigrate.sink.retry.FailureClassifier;
import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.dialect.ObjectContext;
import io.mysqlmigrate.dialect.ObjectSession;
import io.mysqlmigrate.sink.retry.ApplyException;
import io.mysqlmigrate.sink.retry.PolicyStopException;
import io.mysqlmigrate.sink.conflict.ExistingTableConflict;
import io.mysqlmigrate.sink.conflict.TableConflictPolicy;
import io.mysqlmigrate.sink.event.SchemaChange;
import io.mysqlmigrate.sink.event.SourcePosition;
import io.mysqlmigrate.sink.state.PartitionProgress;
import io.mysqlmigrate.sink.state.ProgressStore;
import io.mysqlmigrate.sink.table.DestinationTable;
import io.mysqlmigrate.sink.table.DestinationTables;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one source DDL statement to the destination, exactly once. DDL commits implicitly in MySQL, so it cannot
 * share a transaction with the offset; instead each applied statement is journaled by its source position and
 * text, and a statement found un-journaled after a crash is checked against the structure it should leave: if the
 * destination already has it, the statement is recorded as in effect rather than run again.
 *
 * <p>The snapshot's destructive preamble ({@code DROP TABLE IF EXISTS}, {@code DROP DATABASE IF EXISTS}) is never
 * replayed, and a CREATE of something that already exists with the same columns is taken as done.
 *
 * <p>A view, routine, trigger or event is created in the session context the source recorded for it (its sql_mode,
 * character set and collations, {@link ObjectSession}). A statement the destination refuses for good (a missing
 * privilege, the binary log's rules for routines: {@link SqlErrors#neverApplicableDdl}) stops the task at once,
 * naming the object and the fix, instead of being retried.
 */
public final class DdlApplier {

    private static final Logger LOG = LoggerFactory.getLogger(DdlApplier.class);

    private final ProgressStore progress;
    private final DestinationTables tables;
    private final TableConflictPolicy existingTables;
    private final ObjectSession.Connections encoded;
    private final java.util.function.UnaryOperator<String> versionedClauses;

    /** {@code encoded} opens a destination connection in another client character set (see {@link ObjectSession}). */
    public DdlApplier(ProgressStore progress, DestinationTables tables, TableConflictPolicy existingTables,
                      ObjectSession.Connections encoded) {
        this(progress, tables, existingTables, encoded, ddl -> ddl);
    }

    /** {@code versionedClauses} adapts MySQL's version-commented clauses to the destination ({@code SqlDialect}). */
    public DdlApplier(ProgressStore progress, DestinationTables tables, TableConflictPolicy existingTables,
                      ObjectSession.Connections encoded, java.util.function.UnaryOperator<String> versionedClauses) {
        this.versionedClauses = versionedClauses;
        this.progress = progress;
        this.tables = tables;
        this.existingTables = existingTables;
        this.encoded = encoded;
    }

    /**
     * Applies the statement and commits it with its journal entry and the partition's progress after it; returns the
     * outcome recorded (applied, created, skipped-exists, ...; skipped-journaled when an earlier run applied it).
     */
    public String apply(Connection c, TopicPartition tp, SchemaChange change, PartitionProgress after) throws SQLException {
        String key = journalKey(change);
        // A statement from the catalog watcher is not a point of the binary log: it leaves the recorded position and phase
        SourcePosition recorded = definesObject(change) ? SourcePosition.UNKNOWN : change.position();
        if (progress.ddlApplied(c, key)) {
            LOG.debug("DDL at {} already applied, skipped: {}", change.position(), change.ddl());
            progress.save(c, tp, after, recorded);
            c.commit();
            return "skipped-journaled";
        }
        String outcome = decideAndRun(c, tp, change);
        tables.invalidate();
        String table = change.tables().size() == 1 ? change.tables().get(0).table() : null;
        progress.recordDdl(c, key, tp, change.offset(), change.database(), table, change.position(), outcome, change.ddl());
        progress.save(c, tp, after, recorded);
        c.commit();
        LOG.info("DDL {} at {} on {}: {}", outcome, change.position(), change.database(), oneLine(change.ddl()));
        return outcome;
    }

    private String decideAndRun(Connection c, TopicPartition tp, SchemaChange change) throws SQLException {
        DdlStatement statement = DdlStatement.classify(change.ddl());
        if (!statement.kind().applied() && statement.kind() != DdlStatement.Kind.SESSION) {
            LOG.warn("Not applied on the destination (only database, table, index, view and routine statements are): {}",
                    oneLine(change.ddl()));
            return "skipped-unsupported";
        }
        switch (statement.kind()) {
            case SESSION:
                return "skipped-session";
            case DROP_TABLE:
            case DROP_DATABASE:
                if (change.snapshot() && statement.isDropIfExists()) {
                    return "skipped-snapshot-drop";
                }
                break;
            case CREATE_DATABASE:
                if (change.database() != null && tables.databaseExists(c, change.database())) {
                    return "skipped-exists";
                }
                break;
            case CREATE_DISABLED_EVENT:
                if (change.object() == null) {
                    // The binary log's own CREATE EVENT (Debezium forwards it) carries no session context; the source's
                    // catalog watcher sends the same event with its sql_mode, time zone and character sets
                    // (events.migrate), and only that one may create it, or the event would run under the sink's session.
                    LOG.info("CREATE EVENT from the binary log at {} left to the source's catalog watcher, which sends it "
                            + "with its session context: {}", change.position(), oneLine(change.ddl()));
                    return "skipped-carried-by-catalog";
                }
                break;
            case CREATE_ROUTINE:
                if (routineExists(c, change)) {
                    LOG.warn("A routine of the same name already exists on the destination in {}; kept as it is: {}",
                            change.database(), oneLine(change.ddl()));
                    return "skipped-exists";
                }
                break;
            case CREATE_TABLE:
                if (change.snapshot() && dropTablesOfAnInterruptedSnapshot(c, change)) {
                    run(c, tp, change, statement);
                    return ProgressStore.OUTCOME_RECREATED;
                }
                if (createdTableExists(c, change)) {
                    return "skipped-exists";
                }
                run(c, tp, change, statement);
                return ProgressStore.OUTCOME_CREATED;
            default:
                break;
        }
        return run(c, tp, change, statement);
    }

    /**
     * A snapshot that starts over (the source restarted before its snapshot completed, or a new snapshot was asked
     * for) sends every table's CREATE and every row again. A table this migration created in the earlier attempt may
     * hold rows the source has deleted since, and an older structure: it is dropped so the new snapshot rebuilds it.
     * A table the migration did not create is never dropped.
     */
    private boolean dropTablesOfAnInterruptedSnapshot(Connection c, SchemaChange change) throws SQLException {
        boolean dropped = false;
        for (SchemaChange.TableShape shape : change.tables()) {
            String database = shape.database() != null ? shape.database() : change.database();
            if (tables.find(c, database, shape.table()).isPresent() && progress.createdTable(c, database, shape.table())) {
                LOG.warn("A new snapshot re-creates {}.{}, which this migration created in an earlier snapshot: "
                        + "dropping it so the snapshot rebuilds it", database, shape.table());
                try (Statement st = c.createStatement()) {
                    st.execute("DROP TABLE " + Identifiers.quote(database, shape.table()));
                }
                tables.invalidate();
                dropped = true;
            }
        }
        return dropped;
    }

    /**
     * True when every table the CREATE makes already exists and is taken as created; {@link ExistingTableConflict}
     * decides, and fails when one differs or the policy refuses its rows.
     */
    private boolean createdTableExists(Connection c, SchemaChange change) throws SQLException {
        if (change.tables().isEmpty()) {
            return false;
        }
        for (SchemaChange.TableShape shape : change.tables()) {
            String database = shape.database() != null ? shape.database() : change.database();
            Optional<DestinationTable> existing = tables.find(c, database, shape.table());
            if (existing.isEmpty()) {
                return false;
            }
            ExistingTableConflict.decide(existingTables, Identifiers.quote(database, shape.table()), existing.get().columns(),
                    shape.columns(), change.position(), () -> hasRows(c, database, shape.table()));
        }
        return true;
    }

    /** What the statement is about, for messages: the object, else its tables, else its first words. */
    static String subject(SchemaChange change) {
        if (change.object() != null) {
            return change.object().describe(change.database());
        }
        if (!change.tables().isEmpty()) {
            SchemaChange.TableShape t = change.tables().get(0);
            return "table " + Identifiers.quote(t.database() != null ? t.database() : change.database(), t.table());
        }
        return "database '" + change.database() + "' (" + oneLine(change.ddl()) + ")";
    }

    /** Whether the routine a CREATE PROCEDURE / FUNCTION names exists in the event's database. */
    private static boolean routineExists(Connection c, SchemaChange change) throws SQLException {
        ObjectContext object = change.object();
        if (object != null && ("PROCEDURE".equals(object.kind()) || "FUNCTION".equals(object.kind()))) {
            return routineExists(c, change.database(), object.name(), object.kind());
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(PROCEDURE|FUNCTION)\\s+((?:`(?:[^`]|``)+`|[\\w$]+)(?:\\s*\\.\\s*(?:`(?:[^`]|``)+`|[\\w$]+))?)",
                java.util.regex.Pattern.CASE_INSENSITIVE).matcher(change.ddl());
        if (!m.find()) {
            return false;
        }
        java.util.List<String> name = Identifiers.splitQualified(m.group(2).replaceAll("\\s*\\.\\s*", "."), '`');
        String database = name.size() == 2 ? name.get(0) : change.database();
        return routineExists(c, database, name.get(name.size() - 1), m.group(1).toUpperCase(java.util.Locale.ROOT));
    }

    private static boolean routineExists(Connection c, String database, String name, String kind) throws SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT 1 FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? "
                + "AND ROUTINE_NAME = ? AND ROUTINE_TYPE = ?")) {
            ps.setString(1, database);
            ps.setString(2, name);
            ps.setString(3, kind);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean hasRows(Connection c, String database, String table) throws SQLException {
        try (Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT 1 FROM " + Identifiers.quote(database, table) + " LIMIT 1")) {
            return rs.next();
        }
    }

    /**
     * Runs the statement in its database: {@code USE} it whenever the event names one (but for CREATE DATABASE), so an
     * unqualified statement can never land in another database; a database missing on the destination is an error.
     */
    private String run(Connection c, TopicPartition tp, SchemaChange change, DdlStatement statement) throws SQLException {
        try {
            String database = change.database() != null && !change.database().isEmpty()
                    && statement.kind() != DdlStatement.Kind.CREATE_DATABASE ? change.database() : null;
            ObjectSession.execute(c, database, change.object(), versionedClauses.apply(change.ddl()), encoded);
            return "applied";
        } catch (SQLException e) {
            if (FailureClassifier.isTransient(e)) {
                throw e;
            }
            String fix = SqlErrors.neverApplicableDdl(e);
            if (fix != null) {
                throw new PolicyStopException("The destination refuses to run the DDL of " + subject(change) + " at source position "
                        + change.position() + " (" + tp + " offset " + change.offset() + "), and retrying cannot change that: error "
                        + e.getErrorCode() + " (" + e.getSQLState() + "): " + e.getMessage() + "\nFix: " + fix
                        + "; then restart the sink task.\nStatement: " + change.ddl(), e);
            }
            tables.invalidate();
            if (dropOfAbsentObject(change.ddl(), e)) {
                // Views, routines, triggers and events reach the destination from the source's catalog watcher, on its
                // own schedule: the object a streamed DROP names may not have been created here yet, or gone already.
                LOG.info("DDL at {} drops an object the destination does not have ({}); its drop is in effect",
                        change.position(), e.getMessage());
                return "already-in-effect";
            }
            if (alreadyInEffect(c, change)) {
                LOG.warn("DDL at {} failed ({}) but the destination already has its result; recorded as in effect",
                        change.position(), e.getMessage());
                return "already-in-effect";
            }
            throw new ApplyException("The destination rejected a DDL statement of database '" + change.database()
                    + "' at source position " + change.position() + ": " + e.getMessage() + "\nStatement: "
                    + change.ddl(), e);
        }
    }

    private static final java.util.regex.Pattern DROP_OBJECT = java.util.regex.Pattern.compile(
            "^(?:\\s|/\\*.*?\\*/|--[^\\n]*\\n|#[^\\n]*\\n)*DROP\\s+(?:VIEW|PROCEDURE|FUNCTION|TRIGGER|EVENT)\\s",
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.DOTALL);
    /** 1305: routine, 1360: trigger, 1539: event, 1051: view (unknown table) does not exist. */
    private static final java.util.Set<Integer> DOES_NOT_EXIST = java.util.Set.of(1305, 1360, 1539, 1051, 4092);

    /** A DROP of a view, routine, trigger or event that failed only because the destination does not have it. */
    static boolean dropOfAbsentObject(String ddl, SQLException e) {
        return ddl != null && DROP_OBJECT.matcher(ddl).find() && DOES_NOT_EXIST.contains(e.getErrorCode());
    }

    /** Whether the destination already looks the way the statement leaves the source. */
    private boolean alreadyInEffect(Connection c, SchemaChange change) throws SQLException {
        if (change.tables().isEmpty()) {
            return false;
        }
        for (SchemaChange.TableShape shape : change.tables()) {
            String database = shape.database() != null ? shape.database() : change.database();
            Optional<DestinationTable> existing = tables.find(c, database, shape.table());
            boolean matches = "DROP".equals(shape.changeType())
                    ? existing.isEmpty()
                    : existing.isPresent() && existing.get().columns().equals(shape.columns());
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    private static final java.util.Set<DdlStatement.Kind> OBJECT_KINDS = java.util.EnumSet.of(DdlStatement.Kind.CREATE_VIEW,
            DdlStatement.Kind.DROP_VIEW, DdlStatement.Kind.CREATE_ROUTINE, DdlStatement.Kind.DROP_ROUTINE,
            DdlStatement.Kind.CREATE_GUARDED_TRIGGER, DdlStatement.Kind.DROP_TRIGGER, DdlStatement.Kind.CREATE_DISABLED_EVENT,
            DdlStatement.Kind.DROP_EVENT, DdlStatement.Kind.ACCOUNT);

    /**
     * Whether the statement defines (or drops) a view, routine, trigger, event or account: the source's catalog
     * watcher sends those at a position it found them near (the snapshot's, when nothing newer was forwarded), and
     * Debezium's few such statements from the binary log are carried by the watcher as well. None is a point of the
     * binary log the sink's progress may move to.
     */
    public static boolean definesObject(SchemaChange change) {
        return change.object() != null || change.ddl() != null && OBJECT_KINDS.contains(DdlStatement.classify(change.ddl()).kind());
    }

    /** Identifies a statement across re-emissions: database, binlog position and a digest of the text. */
    static String journalKey(SchemaChange change) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(change.ddl().getBytes(StandardCharsets.UTF_8));
            String position = change.position().file() + ":" + change.position().pos();
            // A view or routine statement from the source's catalog watcher is placed at the stream position it was found
            // at; the same text may come again there (dropped and created again between two rows): its record offset
            // tells the two apart.
            String occurrence = definesObject(change) ? "/" + change.offset() : "";
            return (change.database() == null ? "" : change.database()) + "@" + position + occurrence + "#"
                    + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String oneLine(String ddl) {
        String s = ddl.replaceAll("\\s+", " ").trim();
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
