package io.mysqlmigrate.source.selection;

import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.source.routing.EventKind;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * DTS's per-object choice of the SQL operations incremental migration applies: each entry of
 * {@code incremental.operations} names a database or a table and the operations kept for it
 * ({@code shop=insert+update+delete+ddl, shop.audit_log=insert}); a table's entry wins over its database's, and
 * objects without an entry keep every operation. Snapshot records are never filtered here: the operations are those
 * of the binary log.
 */
public final class OperationFilter {

    public enum Operation { INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, RENAME, TRUNCATE }

    private static final Set<Operation> DML = EnumSet.of(Operation.INSERT, Operation.UPDATE, Operation.DELETE);
    private static final Set<Operation> DDL = EnumSet.of(Operation.CREATE, Operation.ALTER, Operation.DROP, Operation.RENAME,
            Operation.TRUNCATE);

    private final Map<String, Set<Operation>> byDatabase;
    private final Map<TableName, Set<Operation>> byTable;

    private OperationFilter(Map<String, Set<Operation>> byDatabase, Map<TableName, Set<Operation>> byTable) {
        this.byDatabase = byDatabase;
        this.byTable = byTable;
    }

    public static OperationFilter parse(List<String> entries) {
        Map<String, Set<Operation>> byDatabase = new HashMap<>();
        Map<TableName, Set<Operation>> byTable = new HashMap<>();
        for (String raw : entries) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + entry + "' is not 'object=operation+operation' (for example shop.orders=insert+update)");
            }
            Set<Operation> ops = operations(entry.substring(eq + 1), entry);
            List<String> name = Identifiers.splitQualified(entry.substring(0, eq).trim(), '`');
            if (name.size() == 1 && !name.get(0).isEmpty()) {
                byDatabase.put(name.get(0), ops);
            } else if (name.size() == 2 && !name.get(0).isEmpty() && !name.get(1).isEmpty()) {
                byTable.put(new TableName(name.get(0), name.get(1)), ops);
            } else {
                throw new IllegalArgumentException("'" + entry.substring(0, eq).trim() + "' in '" + entry + "' is neither a database "
                        + "nor database.table");
            }
        }
        return new OperationFilter(byDatabase, byTable);
    }

    private static Set<Operation> operations(String text, String entry) {
        Set<Operation> ops = EnumSet.noneOf(Operation.class);
        for (String word : text.split("\\+")) {
            String w = word.trim().toLowerCase(Locale.ROOT);
            switch (w) {
                case "dml" -> ops.addAll(DML);
                case "ddl" -> ops.addAll(DDL);
                case "all" -> {
                    ops.addAll(DML);
                    ops.addAll(DDL);
                }
                case "none" -> { }
                default -> {
                    try {
                        ops.add(Operation.valueOf(w.toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("'" + word.trim() + "' in '" + entry + "' is not an operation: use insert, "
                                + "update, delete, create, alter, drop, rename, truncate, or dml, ddl, all, none");
                    }
                }
            }
        }
        return ops;
    }

    public boolean isEmpty() {
        return byDatabase.isEmpty() && byTable.isEmpty();
    }

    /** True unless the record is a streamed change whose operation its object does not keep. */
    public boolean passes(SourceRecord record, EventKind kind) {
        if (isEmpty() || !(record.value() instanceof Struct value)) {
            return true;
        }
        if (kind == EventKind.ROW_CHANGE) {
            Struct source = value.getStruct("source");
            Operation op = switch (value.getString("op")) {
                case "c" -> Operation.INSERT;
                case "u" -> Operation.UPDATE;
                case "d" -> Operation.DELETE;
                case "t" -> Operation.TRUNCATE;
                default -> null;
            };
            return op == null || kept(source.getString("db"), source.getString("table"), op);
        }
        if (kind == EventKind.SCHEMA_CHANGE) {
            Operation op = ddlOperation(value.getString("ddl"));
            if (op == null) {
                return true;
            }
            TableName table = ddlTable(value);
            String database = table != null ? table.database() : value.getString("databaseName");
            return kept(database, table == null ? null : table.table(), op);
        }
        return true;
    }

    private boolean kept(String database, String table, Operation op) {
        Set<Operation> ops = table == null ? null : byTable.get(new TableName(database, table));
        if (ops == null) {
            ops = byDatabase.get(database);
        }
        return ops == null || ops.contains(op);
    }

    static Operation ddlOperation(String ddl) {
        if (ddl == null) {
            return null;
        }
        String s = ddl.replaceAll("(?s)^(\\s|/\\*.*?\\*/|--[^\\n]*\\n|#[^\\n]*\\n)*", "");
        int end = 0;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return switch (s.substring(0, end).toUpperCase(Locale.ROOT)) {
            case "CREATE" -> Operation.CREATE;
            case "ALTER" -> Operation.ALTER;
            case "DROP" -> Operation.DROP;
            case "RENAME" -> Operation.RENAME;
            case "TRUNCATE" -> Operation.TRUNCATE;
            default -> null;
        };
    }

    /** The table a schema change is about, from Debezium's table changes ({@code "db"."table"}), if it names one. */
    static TableName ddlTable(Struct value) {
        if (value.schema().field("tableChanges") == null) {
            return null;
        }
        List<Object> changes = value.getArray("tableChanges");
        if (changes == null || changes.isEmpty() || !(changes.get(0) instanceof Struct change)) {
            return null;
        }
        String id = change.getString("id");
        if (id == null) {
            return null;
        }
        List<String> parts = Identifiers.splitQualified(id, '"');
        return parts.size() == 2 ? new TableName(parts.get(0), parts.get(1)) : null;
    }
}
