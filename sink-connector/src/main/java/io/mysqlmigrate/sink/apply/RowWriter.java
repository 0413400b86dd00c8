package io.mysqlmigrate.sink.apply;

import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.dialect.SqlDialect;
import io.mysqlmigrate.sink.conflict.ConflictPolicies;
import io.mysqlmigrate.sink.metrics.SinkTaskMetrics;
import io.mysqlmigrate.sink.conflict.UniqueClash;
import io.mysqlmigrate.sink.conflict.UniqueKeyGuard;
import io.mysqlmigrate.sink.conflict.WriteMode;
import io.mysqlmigrate.sink.event.RowChange;
import io.mysqlmigrate.sink.table.DestinationTable;
import io.mysqlmigrate.sink.table.DestinationTables;
import io.mysqlmigrate.sink.throttle.RecordSize;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
        for (RowChange change : changes) {
            plan(c, change, plan);
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

    private void plan(Connection c, RowChange change, List<Planned> plan) throws SQLException {
        DestinationTable table = tables.find(c, change.database(), change.table()).orElseThrow(() -> new ApplyException(
                "Destination table " + Identifiers.quote(change.database(), change.table()) + " does not exist (change at "
                        + change.position() + "). Include 'schema' in the migration types, or create the table on the "
                        + "destination before migrating data into it."));
        RowIdentity identity = RowIdentity.of(change, table, policies.noPrimaryKey());
        if (identity.kind() != RowIdentity.Kind.PRIMARY_KEY && warnedTables.add(table.qualifiedName())) {
            LOG.warn("Table {} has no primary key: rows are identified by {} (tables.without.primary.key={})", table.qualifiedName(),
                    identity.keyed() ? "unique key " + identity.columns() : "their whole old image, one at a time",
                    policies.noPrimaryKey().configValue());
        }
        WriteMode mode = identity.keyed() ? policies.keyedWriteMode(change.operation()) : policies.unkeyedWriteMode(change.operation());
        UniqueClash clash = identity.keyed() ? policies.uniqueClash(change.operation(), mode) : UniqueClash.NONE;
        if (identity.kind() == RowIdentity.Kind.UNIQUE_KEY && change.operation() == RowChange.Operation.UPDATE
                && change.before() != null && identityChanged(identity, change)) {
            // Debezium splits a key change into delete + create only for primary keys; a unique key standing in for
            // one changes within one update, so the row under its old key is deleted first.
            plan.add(new Planned(change, table, identity, WriteMode.DELETE_BY_KEY, UniqueClash.NONE, change.before()));
        }
        plan.add(new Planned(change, table, identity, mode, clash, identity.keyed() ? identity.valuesOf(change) : null));
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
        switch (run.get(0).mode()) {
            case UPSERT, INSERT_KEEP_EXISTING, INSERT -> insert(c, run);
            case DELETE_BY_KEY -> deleteByKey(c, run);
            case UPDATE_BY_IMAGE -> updateByImage(c, run.get(0));
            case DELETE_BY_IMAGE -> deleteByImage(c, run.get(0));
            case SKIP -> { }
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
                    int cleared = UniqueKeyGuard.clear(c, table, identity, changes, first.identity()::valuesOf, first.clash());
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
                if (e.getErrorCode() == ER_DUP_ENTRY && first.identity().keyed() && first.mode() == WriteMode.INSERT) {
                    metrics.conflict("fail", 1);
                    throw new PolicyStopException("Conflict in " + table.qualifiedName() + ": a row with the same key already exists "
                            + "on the destination (" + e.getMessage() + "; changes from " + first.change().position() + "). The "
                            + "conflict policy is fail (" + (first.change().operation() == RowChange.Operation.READ
                            ? "conflict.full.load.policy" : "conflict.incremental.policy") + "): remove the destination row, "
                            + "or choose keep-destination or overwrite.", e);
                }
                if (e.getErrorCode() == ER_DUP_ENTRY && first.identity().keyed()) {
                    // No policy chose this: an upsert (or an insert keeping the destination's row) met a unique value
                    // held by a row the guard did not clear, i.e. the destination is not in the source's state.
                    throw new ApplyException("The destination rejected " + changes.size() + " row change(s) of " + table.qualifiedName()
                            + " (changes from " + first.change().position() + " to " + changes.get(changes.size() - 1).position()
                            + ") on a unique key: " + e.getMessage() + ". The conflict policies in effect (conflict.full.load.policy="
                            + policies.fullLoad().configValue() + ", conflict.incremental.policy=" + policies.incremental().configValue()
                            + ") write these rows over the destination's; a destination row holding this value under another key "
                            + "is not in the source's state at this point. Compare the table with the source (mysql-migrate verify) "
                            + "and remove the destination's row, then restart the task.\nStatement: "
                            + (sql.length() <= 300 ? sql : sql.substring(0, 300) + "..."), e);
                }
                rethrow(e, sql, changes);
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
                rethrow(e, sql.toString(), chunk.stream().map(Planned::change).toList());
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
            rethrow(e, sql, List.of(change));
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
            rethrow(e, sql, List.of(change));
        }
    }

    private static String matchAll(List<Field> fields) {
        return String.join(" AND ", fields.stream().map(f -> Identifiers.quote(f.name()) + " <=> ?").toList());
    }

    /** The old image's columns that exist on the destination; an image is needed to find a row without a key. */
    private static List<Field> imageFields(RowChange change, DestinationTable table) {
        if (change.before() == null) {
            throw new ApplyException("The change at " + change.position() + " to " + change.qualifiedName() + " has no old row "
                    + "image, so a row of this table without any key cannot be found. The source must log full row images "
                    + "(binlog_row_image=FULL).");
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

    private static void rethrow(SQLException e, String sql, List<RowChange> chunk) throws SQLException {
        if (SqlErrors.isTransient(e)) {
            throw e;
        }
        RowChange first = chunk.get(0);
        RowChange last = chunk.get(chunk.size() - 1);
        String statement = sql.length() <= 300 ? sql : sql.substring(0, 300) + "...";
        throw new ApplyException("The destination rejected " + chunk.size() + " row change(s) of " + first.qualifiedName()
                + " (source positions " + first.position() + " to " + last.position() + ", Kafka offsets " + first.offset()
                + " to " + last.offset() + "): " + e.getMessage() + "\nStatement: " + statement, e);
    }
}
