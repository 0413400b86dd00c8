package io.mysqlmigrate.sink.apply;

import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.dialect.SqlDialect;
import io.mysqlmigrate.sink.event.RowChange;
import io.mysqlmigrate.sink.table.DestinationTable;
import io.mysqlmigrate.sink.table.DestinationTables;
import io.mysqlmigrate.sink.types.ColumnValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Writes row changes, in their order, as multi-row statements: consecutive upserts of one table become one
 * {@code INSERT ... ON DUPLICATE KEY UPDATE}, consecutive deletes one {@code DELETE ... WHERE key IN (...)}. Within a
 * statement MySQL processes rows in the order given, so the result equals applying them one by one. Upserts and
 * deletes by primary key make every change idempotent: applying it again leaves the same row.
 */
public final class RowWriter {

    /** MySQL's limit of placeholders per prepared statement. */
    private static final int MAX_PLACEHOLDERS = 65_535;

    private final SqlDialect dialect;
    private final DestinationTables tables;
    private final int maxRows;

    public RowWriter(SqlDialect dialect, DestinationTables tables, int maxRows) {
        this.dialect = dialect;
        this.tables = tables;
        this.maxRows = maxRows;
    }

    /** Applies the changes within the connection's current transaction. TRUNCATE is not a row change: see caller. */
    public void write(Connection c, List<RowChange> changes) throws SQLException {
        int start = 0;
        while (start < changes.size()) {
            RowChange first = changes.get(start);
            int end = start + 1;
            while (end < changes.size() && end - start < maxRows && sameStatement(first, changes.get(end))) {
                end++;
            }
            List<RowChange> run = changes.subList(start, end);
            if (first.operation() == RowChange.Operation.UPSERT) {
                upsert(c, run);
            } else if (first.operation() == RowChange.Operation.DELETE) {
                delete(c, run);
            } else {
                throw new IllegalArgumentException("RowWriter does not truncate: " + first.qualifiedName());
            }
            start = end;
        }
    }

    private static boolean sameStatement(RowChange a, RowChange b) {
        if (a.operation() != b.operation() || !a.table().equals(b.table()) || !a.database().equals(b.database())) {
            return false;
        }
        return a.operation() != RowChange.Operation.UPSERT || Objects.equals(a.after().schema(), b.after().schema());
    }

    private void upsert(Connection c, List<RowChange> run) throws SQLException {
        RowChange first = run.get(0);
        DestinationTable table = requireTable(c, first);
        List<String> keyColumns = keyColumns(first);
        List<Field> fields = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (Field f : first.after().schema().fields()) {
            if (!table.columns().contains(f.name())) {
                throw new ApplyException("Column '" + f.name() + "' of " + table.qualifiedName() + " is in the change at "
                        + first.position() + " but not in the destination table, whose columns are " + table.columns()
                        + ". The destination's structure has diverged from the source's: compare them and align it.");
            }
            if (table.writable(f.name())) {
                fields.add(f);
                columns.add(f.name());
            }
        }
        List<String> updates = columns.stream().filter(col -> !keyColumns.contains(col)).toList();
        if (updates.isEmpty()) {
            updates = columns;
        }
        int rowsPerStatement = Math.max(1, Math.min(run.size(), MAX_PLACEHOLDERS / Math.max(1, columns.size())));
        String quoted = Identifiers.quote(first.database(), first.table());
        for (int from = 0; from < run.size(); from += rowsPerStatement) {
            List<RowChange> chunk = run.subList(from, Math.min(run.size(), from + rowsPerStatement));
            String sql = dialect.upsert(quoted, columns, updates, chunk.size());
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int p = 1;
                for (RowChange change : chunk) {
                    Struct after = change.after();
                    for (Field f : fields) {
                        bind(ps, p++, f, after.get(f), change);
                    }
                }
                ps.executeUpdate();
            } catch (SQLException e) {
                rethrow(e, "upsert", chunk);
            }
        }
    }

    private void delete(Connection c, List<RowChange> run) throws SQLException {
        RowChange first = run.get(0);
        requireTable(c, first);
        List<String> keyColumns = keyColumns(first);
        int rowsPerStatement = Math.max(1, Math.min(run.size(), MAX_PLACEHOLDERS / keyColumns.size()));
        for (int from = 0; from < run.size(); from += rowsPerStatement) {
            List<RowChange> chunk = run.subList(from, Math.min(run.size(), from + rowsPerStatement));
            StringBuilder sql = new StringBuilder("DELETE FROM ").append(Identifiers.quote(first.database(), first.table())).append(" WHERE ");
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
                for (RowChange change : chunk) {
                    Struct key = change.key();
                    for (Field f : key.schema().fields()) {
                        bind(ps, p++, f, key.get(f), change);
                    }
                }
                ps.executeUpdate();
            } catch (SQLException e) {
                rethrow(e, "delete", chunk);
            }
        }
    }

    private DestinationTable requireTable(Connection c, RowChange change) throws SQLException {
        return tables.find(c, change.database(), change.table()).orElseThrow(() -> new ApplyException(
                "Destination table " + Identifiers.quote(change.database(), change.table()) + " does not exist (change at "
                        + change.position() + "). Include 'schema' in the migration types, or create the table on the "
                        + "destination before migrating data into it."));
    }

    private static List<String> keyColumns(RowChange change) {
        if (change.key() == null || change.key().schema().fields().isEmpty()) {
            throw new ApplyException("Table " + change.qualifiedName() + " has no primary key, so its rows cannot be "
                    + "applied idempotently (change at " + change.position() + "). Add a primary key on the source, or "
                    + "exclude the table from the migration.");
        }
        return change.key().schema().fields().stream().map(Field::name).toList();
    }

    private static void bind(PreparedStatement ps, int index, Field field, Object value, RowChange change) throws SQLException {
        Object jdbc;
        try {
            jdbc = ColumnValues.toJdbc(field.schema(), value);
        } catch (DataException | ArithmeticException | java.time.DateTimeException e) {
            throw new ApplyException("Cannot convert column '" + field.name() + "' of " + change.qualifiedName() + " at "
                    + change.position() + ": " + e.getMessage(), e);
        }
        if (jdbc == null) {
            ps.setNull(index, Types.NULL);
        } else {
            ps.setObject(index, jdbc);
        }
    }

    private static void rethrow(SQLException e, String what, List<RowChange> chunk) throws SQLException {
        if (SqlErrors.isTransient(e)) {
            throw e;
        }
        RowChange first = chunk.get(0);
        RowChange last = chunk.get(chunk.size() - 1);
        throw new ApplyException("The destination rejected an " + what + " of " + chunk.size() + " row(s) into "
                + first.qualifiedName() + " (source positions " + first.position() + " to " + last.position()
                + ", Kafka offsets " + first.offset() + " to " + last.offset() + "): " + e.getMessage(), e);
    }
}
