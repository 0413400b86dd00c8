package io.mysqlmigrate.sink.apply;

import io.mysqlmigrate.sink.retry.PolicyStopException;

import io.mysqlmigrate.sink.retry.NeverApplicableRecordException;

import io.mysqlmigrate.sink.retry.ApplyException;

import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.dialect.SqlDialect;
import io.mysqlmigrate.sink.conflict.ConflictPolicies;
import io.mysqlmigrate.sink.metrics.SinkTaskMetrics;
import io.mysqlmigrate.sink.conflict.UniqueClash;
import io.mysqlmigrate.sink.conflict.WriteMode;
import io.mysqlmigrate.sink.event.RowChange;
import io.mysqlmigrate.sink.retry.FailureClassifier;
import io.mysqlmigrate.sink.table.DestinationTable;
import io.mysqlmigrate.sink.table.DestinationTables;
import io.mysqlmigrate.sink.throttle.RecordSize;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes row changes as multi-row statements: consecutive changes of one table that are written the same way
 * ({@link WriteMode}, decided by {@link ConflictPolicies}) become one statement. Within a statement MySQL processes
 * rows in the order given, so the result equals applying them one by one. Runs of upserts and deletes by key are
 * first reduced to each key's last change ({@link WriteCoalescer}): all of it commits in one transaction, so only the
 * end state is ever visible. Writes by key are idempotent: applying a change again leaves the same row. With
 * {@code apply.writers} above 1, large batches of such writes are spread over several connections
 * ({@link WriterAssignment}, {@link WriterPool}). Statements take row counts of a few fixed shapes
 * ({@link StatementShapes}), so the prepared statements cached on each connection are reused.
 */
public final class RowWriter {

    private static final Logger LOG = LoggerFactory.getLogger(RowWriter.class);
    /** MySQL's limit of placeholders per prepared statement. */
    private static final int MAX_PLACEHOLDERS = 65_535;
    private static final int ER_DUP_ENTRY = 1062;
    private static final int ER_ROW_IS_REFERENCED = 1451;
    private static final int ER_NO_REFERENCED_ROW = 1452;

    private final SqlDialect dialect;
    private final DestinationTables tables;
    private final int maxRows;
    private final ConflictPolicies policies;
    /** Below this many writes a batch stays on one connection: spreading it would cost more commits than it saves. */
    private static final int MIN_ROWS_TO_SPREAD = 64;

    private final Set<String> warnedTables = new HashSet<>();
    private final WriterPool writers;
    private final long maxStatementBytes;

    private final SinkTaskMetrics metrics;

    public RowWriter(SqlDialect dialect, DestinationTables tables, int maxRows, ConflictPolicies policies, WriterPool writers,
                     long maxAllowedPacket, SinkTaskMetrics metrics) {
        this.metrics = metrics;
        this.maxStatementBytes = Math.max(1, maxAllowedPacket / 2);
        this.dialect = dialect;
        this.tables = tables;
        this.maxRows = maxRows;
        this.policies = policies;
        this.writers = writers;
    }

    /** Applies the changes within the connection's current transaction. TRUNCATE is not a row change: see caller. */
    public void write(Connection c, List<RowChange> changes) throws SQLException {
        List<Planned> plan = new ArrayList<>(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            if (plan(c, changes.get(i), i + 1 < changes.size() ? changes.get(i + 1) : null, plan)) {
                i++; // the create half of a primary key update, planned with its delete half
            }
        }
        plan = WriteCoalescer.coalesce(plan);
        if (writers.writers() > 1 && plan.size() >= MIN_ROWS_TO_SPREAD && WriterAssignment.spreadable(plan)) {
            List<WriterPool.Share> shares = new ArrayList<>();
            for (List<Planned> part : WriterAssignment.assign(plan, writers.writers())) {
                shares.add(connection -> writePlanned(connection, part));
            }
            writers.run(shares);
        } else {
            writePlanned(c, plan);
        }
    }

    private void writePlanned(Connection c, List<Planned> plan) throws SQLException {
        int start = 0;
        while (start < plan.size()) {
            Planned first = plan.get(start);
            int end = start + 1;
            while (end < plan.size() && end - start < maxRows && first.sameStatementAs(plan.get(end))) {
                end++;
            }
            execute(c, plan.subList(start, end));
            start = end;
        }
    }

    /**
     * Plans one change (and the next, when the two are the halves of one primary key update that must run the
     * destination's ON UPDATE actions; returns true then). Foreign keys: the sink writes with their checks off, and
     * turns them on only where the source's engine acted through them without logging it (see
     * {@link WriteMode#runsForeignKeyActions()}).
     */
    private boolean plan(Connection c, RowChange change, RowChange next, List<Planned> plan) throws SQLException {
        DestinationTable table = table(c, change);
        RowIdentity identity = RowIdentity.of(change, table, policies.noPrimaryKey());
        if (identity.kind() != RowIdentity.Kind.PRIMARY_KEY && warnedTables.add(table.qualifiedName())) {
            LOG.warn("Table {} has no primary key: rows are identified by {} (tables.without.primary.key={})", table.qualifiedName(),
                    identity.keyed() ? "unique key " + identity.columns() : "their whole old image, one at a time",
                    policies.noPrimaryKey().configValue());
        }
        WriteMode mode = identity.keyed() ? policies.keyedWriteMode(change.operation()) : policies.unkeyedWriteMode(change.operation());
        UniqueClash clash = identity.keyed() ? policies.uniqueClash(change.operation(), mode) : UniqueClash.NONE;
        Set<String> cascadingOnUpdate = table.columnsCascadingOnUpdate();
        if (identity.keyed() && change.keyChange() == RowChange.KeyChange.DELETES_OLD_KEY) {
            if (next != null && next.keyChange() == RowChange.KeyChange.CREATES_NEW_KEY && next.database().equals(change.database())
                    && next.table().equals(change.table())) {
                if (!cascadingOnUpdate.isEmpty() && changes(change.before(), next.after(), cascadingOnUpdate)) {
                    planKeyUpdate(table, identity, next, identity.valuesOf(change), plan);
                    return true;
                }
            } else if (!cascadingOnUpdate.isEmpty()) {
                LOG.warn("{}: the primary key update at {} arrived without its second half; applied as a delete and an insert, "
                        + "so the destination's ON UPDATE actions of {} do not run for it", table.qualifiedName(), change.position(),
                        table.referencedBy());
            }
            // a key update that changes no value an ON UPDATE action watches: the row is moved, nothing else acts
            plan.add(new Planned(change, table, identity, WriteMode.DELETE_BY_KEY, UniqueClash.NONE, identity.valuesOf(change)));
            return false;
        }
        if (identity.keyed() && change.operation() == RowChange.Operation.UPDATE && !cascadingOnUpdate.isEmpty()
                && (change.before() == null || changes(change.before(), change.after(), cascadingOnUpdate))) {
            Struct oldKey = identity.kind() == RowIdentity.Kind.PRIMARY_KEY ? change.key() : change.before();
            if (oldKey != null) {
                planKeyUpdate(table, identity, change, oldKey, plan);
                return false;
            }
        }
        if (mode == WriteMode.DELETE_BY_KEY && table.cascadesOnDelete()) {
            mode = WriteMode.DELETE_WITH_FOREIGN_KEYS;
        }
        if (identity.kind() == RowIdentity.Kind.UNIQUE_KEY && change.operation() == RowChange.Operation.UPDATE
                && change.before() != null && identityChanged(identity, change)) {
            // Debezium splits a key change into delete + create only for primary keys; a unique key standing in for
            // one changes within one update, so the row under its old key is deleted first.
            plan.add(new Planned(change, table, identity, WriteMode.DELETE_BY_KEY, UniqueClash.NONE, change.before()));
        }
        plan.add(new Planned(change, table, identity, mode, clash, identity.keyed() ? identity.valuesOf(change) : null));
        return false;
    }

    /** The UPDATE that runs the destination's ON UPDATE actions, then the row's upsert (for a replay, where it moved already). */
    private void planKeyUpdate(DestinationTable table, RowIdentity identity, RowChange change, Struct oldKey, List<Planned> plan) {
        plan.add(new Planned(change, table, identity, WriteMode.UPDATE_KEY_WITH_FOREIGN_KEYS, UniqueClash.NONE, oldKey));
        WriteMode mode = policies.keyedWriteMode(RowChange.Operation.UPDATE);
        plan.add(new Planned(change, table, identity, mode, policies.uniqueClash(RowChange.Operation.UPDATE, mode),
                identity.valuesOf(change)));
    }

    private DestinationTable table(Connection c, RowChange change) throws SQLException {
        return tables.find(c, change.database(), change.table()).orElseThrow(() -> new ApplyException(
                "Destination table " + Identifiers.quote(change.database(), change.table()) + " does not exist (change at "
                        + change.position() + "). Include 'schema' in the migration types, or create the table on the "
                        + "destination before migrating data into it."));
    }

    /** Whether any of the columns differs between the two images (a missing image or column counts as changed). */
    private static boolean changes(Struct before, Struct after, Set<String> columns) {
        if (before == null || after == null) {
            return true;
        }
        for (String column : columns) {
            if (before.schema().field(column) == null || after.schema().field(column) == null
                    || !Objects.deepEquals(before.getWithoutDefault(column), after.getWithoutDefault(column))) {
                return true;
            }
        }
        return false;
    }

    private static boolean identityChanged(RowIdentity identity, RowChange change) {
        for (String column : identity.columns()) {
            if (!Objects.deepEquals(change.before().getWithoutDefault(column), change.after().getWithoutDefault(column))) {
                return true;
            }
        }
        return false;
    }

    private void execute(Connection c, List<Planned> run) throws SQLException {
        Planned first = run.get(0);
        boolean foreignKeys = first.mode().runsForeignKeyActions()
                || first.mode() == WriteMode.DELETE_BY_IMAGE && first.table().cascadesOnDelete()
                || first.mode() == WriteMode.UPDATE_BY_IMAGE && !first.table().columnsCascadingOnUpdate().isEmpty();
        if (foreignKeys) {
            foreignKeyChecks(c, true);
        }
        try {
            switch (first.mode()) {
                case UPSERT, INSERT_KEEP_EXISTING, INSERT -> insert(c, run);
                case DELETE_BY_KEY, DELETE_WITH_FOREIGN_KEYS -> deleteByKey(c, run);
                case UPDATE_KEY_WITH_FOREIGN_KEYS -> updateKey(c, first);
                case UPDATE_BY_IMAGE -> updateByImage(c, first);
                case DELETE_BY_IMAGE -> deleteByImage(c, first);
                case SKIP -> { }
            }
        } finally {
            if (foreignKeys) {
                foreignKeyChecks(c, false);
            }
        }
    }

    /**
     * The sink's session has foreign key checks off (rows arrive in source order, not in dependency order); a write
     * that must run the destination's ON DELETE / ON UPDATE actions turns them on for its statement alone.
     */
    private static void foreignKeyChecks(Connection c, boolean on) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION foreign_key_checks = " + (on ? 1 : 0));
        }
    }

    /** UPDATE of the row under its old key to its new image: the destination's ON UPDATE actions run as the source's did. */
    private void updateKey(Connection c, Planned planned) throws SQLException {
        RowChange change = planned.change();
        List<Field> set = writableFields(change, planned.table());
        List<String> key = planned.identity().columns();
        String sql = "UPDATE " + Identifiers.quote(change.database(), change.table()) + " SET "
                + String.join(", ", set.stream().map(f -> Identifiers.quote(f.name()) + " = ?").toList())
                + " WHERE " + String.join(" AND ", key.stream().map(k -> Identifiers.quote(k) + " = ?").toList());
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int p = 1;
            for (Field f : set) {
                Binder.bind(ps, p++, change.after(), f, change);
            }
            for (String k : key) {
                Binder.bind(ps, p++, planned.keyValues(), planned.keyValues().schema().field(k), change);
            }
            ps.executeUpdate(); // no row: moved already (a replay); the upsert that follows writes it
        } catch (SQLException e) {
            rethrow(e, sql, List.of(change), false);
        }
    }

    private void insert(Connection c, List<Planned> run) throws SQLException {
        Planned first = run.get(0);
        DestinationTable table = first.table();
        List<Field> fields = writableFields(first.change(), table);
        List<String> columns = fields.stream().map(Field::name).toList();
        List<String> identity = first.identity().columns();
        String quoted = Identifiers.quote(table.database(), table.table());
        // The unique-key guard binds unique and identity columns per row: its statement must fit the limit too.
        int guardPerRow = 2 * table.uniqueKeys().stream().mapToInt(List::size).max().orElse(0) + identity.size();
        int perRow = Math.max(1, Math.max(columns.size(), guardPerRow));
        int rowsPerStatement = Math.max(1, Math.min(maxRows, MAX_PLACEHOLDERS / perRow));
        for (int from = 0, to; from < run.size(); from = to) {
            to = from + StatementShapes.rows(endOfStatement(run, from, rowsPerStatement) - from, rowsPerStatement);
            List<Planned> chunk = run.subList(from, to);
            List<RowChange> changes = chunk.stream().map(Planned::change).toList();
            String sql = switch (first.mode()) {
                case UPSERT -> {
                    int cleared = UniqueKeyClearing.clear(c, table, identity, changes, first.identity()::valuesOf, first.clash());
                    if (cleared > 0) {
                        metrics.conflict("unique-key-row-replaced", cleared);
                    }
                    List<String> updates = columns.stream().filter(col -> !identity.contains(col)).toList();
                    yield dialect.upsert(quoted, columns, updates.isEmpty() ? columns : updates, chunk.size());
                }
                case INSERT_KEEP_EXISTING -> {
                    String any = Identifiers.quote(identity.isEmpty() ? columns.get(0) : identity.get(0));
                    yield SqlDialect.insertValues(quoted, columns, chunk.size()) + " ON DUPLICATE KEY UPDATE " + any + " = " + any;
                }
                default -> SqlDialect.insertValues(quoted, columns, chunk.size()).toString();
            };
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int p = 1;
                for (RowChange change : changes) {
                    Struct after = change.after();
                    for (Field f : fields) {
                        Binder.bind(ps, p++, after, f, change);
                    }
                }
                ps.executeUpdate();
            } catch (SQLException e) {
                if (e.getErrorCode() == ER_DUP_ENTRY && first.identity().keyed()) {
                    RuntimeException conflict = policies.duplicateKey(table.qualifiedName(), first.mode(), first.change(), changes, e, sql);
                    if (conflict instanceof PolicyStopException) {
                        metrics.conflict("fail", 1);
                    }
                    throw conflict;
                }
                if (changes.size() > 1 && FailureClassifier.isValueTheDestinationCannotHold(e) && namedRow(e, changes) == null) {
                    pinRowOneByOne(c, first.mode(), quoted, columns, identity, fields, changes);
                }
                rethrow(e, sql, changes, true);
            }
        }
    }

    /**
     * A multi-row statement failed on a value the destination cannot hold, and the server did not say on which row
     * ("Column 'v' cannot be null", a CHECK constraint): each row is written alone, within the same transaction (which
     * the failure rolls back anyway), until one fails the same way; that change is the record that can never apply.
     * Returns when no row fails so (the caller then reports the statement's failure as it is).
     */
    private void pinRowOneByOne(Connection c, WriteMode mode, String quoted, List<String> columns, List<String> identity,
                                List<Field> fields, List<RowChange> changes) throws SQLException {
        String one = switch (mode) {
            case UPSERT -> {
                List<String> updates = columns.stream().filter(col -> !identity.contains(col)).toList();
                yield dialect.upsert(quoted, columns, updates.isEmpty() ? columns : updates, 1);
            }
            case INSERT_KEEP_EXISTING -> {
                String any = Identifiers.quote(identity.isEmpty() ? columns.get(0) : identity.get(0));
                yield SqlDialect.insertValues(quoted, columns, 1) + " ON DUPLICATE KEY UPDATE " + any + " = " + any;
            }
            default -> SqlDialect.insertValues(quoted, columns, 1).toString();
        };
        try (PreparedStatement ps = c.prepareStatement(one)) {
            for (RowChange change : changes) {
                int p = 1;
                for (Field f : fields) {
                    Binder.bind(ps, p++, change.after(), f, change);
                }
                try {
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if (FailureClassifier.isValueTheDestinationCannotHold(e)) {
                        throw new NeverApplicableRecordException(change.offset(), "The destination cannot hold a value of the "
                                + "change to " + change.qualifiedName() + " at source position " + change.position() + ": "
                                + e.getMessage() + " (error " + e.getErrorCode() + ")", e);
                    }
                    return; // another failure: the statement's own is reported
                }
            }
        }
    }

    /**
     * Where a multi-row statement starting at {@code from} ends: at most {@code maxRows} rows, and no more row data
     * than half the destination's {@code max_allowed_packet} (the rest is room for the statement and encoding), so
     * a batch of large rows becomes several statements instead of one the server refuses. A single row larger than
     * that still goes alone.
     */
    private int endOfStatement(List<Planned> run, int from, int maxRows) {
        long bytes = 0;
        int to = from;
        while (to < run.size() && to - from < maxRows) {
            long row = RecordSize.of(run.get(to).change().after()) + 16;
            if (to > from && bytes + row > maxStatementBytes) {
                break;
            }
            bytes += row;
            to++;
        }
        return to;
    }

    private void deleteByKey(Connection c, List<Planned> run) throws SQLException {
        Planned first = run.get(0);
        List<String> keyColumns = first.identity().columns();
        int rowsPerStatement = Math.max(1, Math.min(maxRows, MAX_PLACEHOLDERS / keyColumns.size()));
        for (int from = 0, to; from < run.size(); from = to) {
            to = from + StatementShapes.rows(run.size() - from, rowsPerStatement);
            List<Planned> chunk = run.subList(from, to);
            StringBuilder sql = new StringBuilder("DELETE FROM ").append(Identifiers.quote(first.change().database(), first.change().table()))
                    .append(" WHERE ");
            if (keyColumns.size() == 1) {
                sql.append(Identifiers.quote(keyColumns.get(0))).append(" IN (").append("?,".repeat(chunk.size() - 1)).append("?)");
            } else {
                String one = "(" + String.join(" AND ", keyColumns.stream().map(k -> Identifiers.quote(k) + " = ?").toList()) + ")";
                for (int i = 0; i < chunk.size(); i++) {
                    sql.append(i == 0 ? "" : " OR ").append(one);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int p = 1;
                for (Planned planned : chunk) {
                    Struct values = planned.keyValues();
                    for (String k : keyColumns) {
                        Binder.bind(ps, p++, values, values.schema().field(k), planned.change());
                    }
                }
                ps.executeUpdate();
            } catch (SQLException e) {
                rethrow(e, sql.toString(), chunk.stream().map(Planned::change).toList(), false);
            }
        }
    }

    /** A table without any key: the first row equal to the old image, column by column, NULLs included. */
    private void updateByImage(Connection c, Planned planned) throws SQLException {
        RowChange change = planned.change();
        List<Field> set = writableFields(change, planned.table());
        List<Field> match = imageFields(change, planned.table());
        String sql = "UPDATE " + Identifiers.quote(change.database(), change.table()) + " SET "
                + String.join(", ", set.stream().map(f -> Identifiers.quote(f.name()) + " = ?").toList())
                + " WHERE " + matchAll(match) + " LIMIT 1";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int p = 1;
            for (Field f : set) {
                Binder.bind(ps, p++, change.after(), f, change);
            }
            for (Field f : match) {
                Binder.bind(ps, p++, change.before(), f, change);
            }
            if (ps.executeUpdate() == 0) {
                LOG.warn("{}: the update at {} found no row equal to its old image (table without a key): not applied",
                        change.qualifiedName(), change.position());
            }
        } catch (SQLException e) {
            rethrow(e, sql, List.of(change), false);
        }
    }

    private void deleteByImage(Connection c, Planned planned) throws SQLException {
        RowChange change = planned.change();
        List<Field> match = imageFields(change, planned.table());
        String sql = "DELETE FROM " + Identifiers.quote(change.database(), change.table()) + " WHERE " + matchAll(match) + " LIMIT 1";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int p = 1;
            for (Field f : match) {
                Binder.bind(ps, p++, change.before(), f, change);
            }
            if (ps.executeUpdate() == 0) {
                LOG.warn("{}: the delete at {} found no row equal to its old image (table without a key)",
                        change.qualifiedName(), change.position());
            }
        } catch (SQLException e) {
            rethrow(e, sql, List.of(change), false);
        }
    }

    private static String matchAll(List<Field> fields) {
        return String.join(" AND ", fields.stream().map(f -> Identifiers.quote(f.name()) + " <=> ?").toList());
    }

    /** The old image's columns that exist on the destination; an image is needed to find a row without a key. */
    private static List<Field> imageFields(RowChange change, DestinationTable table) {
        if (change.before() == null) {
            throw new NeverApplicableRecordException(change.offset(), "The change at " + change.position() + " to "
                    + change.qualifiedName() + " has no old row image, so a row of this table without any key cannot be found. "
                    + "The source must log full row images (binlog_row_image=FULL).", null);
        }
        return change.before().schema().fields().stream().filter(f -> table.columns().contains(f.name())).toList();
    }

    /** The new image's columns to write: all but generated ones; a column the destination lacks is an error. */
    private static List<Field> writableFields(RowChange change, DestinationTable table) {
        List<Field> fields = new ArrayList<>();
        for (Field f : change.after().schema().fields()) {
            if (!table.columns().contains(f.name())) {
                throw new ApplyException("Column '" + f.name() + "' of " + table.qualifiedName() + " is in the change at "
                        + change.position() + " but not in the destination table, whose columns are " + table.columns()
                        + ". The destination's structure has diverged from the source's: compare them and align it.");
            }
            if (table.writable(f.name())) {
                fields.add(f);
            }
        }
        return fields;
    }

    /**
     * Rethrows a statement's failure with the changes it wrote. A value the destination cannot hold is pinned to the one
     * change it belongs to when the statement wrote one row, or when the server names the row ("at row N") of a
     * multi-row VALUES list ({@code rowsInOrder}): that record can never apply, and the rest can.
     */
    private static void rethrow(SQLException e, String sql, List<RowChange> chunk, boolean rowsInOrder) throws SQLException {
        if (FailureClassifier.isTransient(e)) {
            throw e;
        }
        if (FailureClassifier.isValueTheDestinationCannotHold(e)) {
            RowChange bad = chunk.size() == 1 ? chunk.get(0) : rowsInOrder ? namedRow(e, chunk) : null;
            if (bad != null) {
                throw new NeverApplicableRecordException(bad.offset(), "The destination cannot hold a value of the change to "
                        + bad.qualifiedName() + " at source position " + bad.position() + ": " + e.getMessage() + " (error "
                        + e.getErrorCode() + ")", e);
            }
        }
        RowChange first = chunk.get(0);
        RowChange last = chunk.get(chunk.size() - 1);
        String statement = sql.length() <= 300 ? sql : sql.substring(0, 300) + "...";
        String why = e.getErrorCode() == ER_ROW_IS_REFERENCED || e.getErrorCode() == ER_NO_REFERENCED_ROW
                ? " (this change runs the destination's foreign key actions, so its foreign key checks are on for it; the source "
                + "accepted the change, so the destination holds rows the source did not have at this point, or lacks rows it "
                + "had, e.g. in a table outside the migration: compare the tables named above with the source and align them)"
                : "";
        throw new ApplyException("The destination rejected " + chunk.size() + " row change(s) of " + first.qualifiedName()
                + " (source positions " + first.position() + " to " + last.position() + ", Kafka offsets " + first.offset()
                + " to " + last.offset() + "): " + e.getMessage() + why + "\nStatement: " + statement, e);
    }

    private static final java.util.regex.Pattern AT_ROW = java.util.regex.Pattern.compile(" at row (\\d+)");

    /** The change of a multi-row statement the server's error names by its row number (1-based), or null. */
    static RowChange namedRow(SQLException e, List<RowChange> chunk) {
        java.util.regex.Matcher m = AT_ROW.matcher(String.valueOf(e.getMessage()));
        if (!m.find()) {
            return null;
        }
        try {
            int row = Integer.parseInt(m.group(1));
            return row >= 1 && row <= chunk.size() ? chunk.get(row - 1) : null;
        } catch (NumberFormatException tooLong) {
            return null;
        }
    }
}
