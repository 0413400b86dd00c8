package io.mysqlmigrate.sink.event;

import io.mysqlmigrate.dialect.BinlogPosition;
import io.mysqlmigrate.dialect.CharsetDefaults;
import io.mysqlmigrate.dialect.Flavour;
import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.dialect.ObjectContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Reads a Debezium change event, of any of the three kinds a database topic carries, from a sink record. A record
 * without a value is a {@link Tombstone}; a value of another shape is {@link Unrecognised}; a change event missing
 * what it needs (a row change without images, an unknown operation, an unreadable header) throws
 * {@link DataException}, naming what is missing.
 */
public final class ChangeEventReader {

    /** Debezium's header on the delete half of a primary key update, naming the new key. */
    public static final String NEW_KEY_HEADER = "__debezium.newkey";
    /** Debezium's header on the create half of a primary key update, naming the old key. */
    public static final String OLD_KEY_HEADER = "__debezium.oldkey";

    private ChangeEventReader() {
    }

    public static ChangeEvent read(SinkRecord record) {
        long offset = record.kafkaOffset();
        if (record.value() == null) {
            return new Tombstone(offset);
        }
        if (!(record.value() instanceof Struct value)) {
            return new Unrecognised(offset, "not a Debezium change event: its value is a " + record.value().getClass().getSimpleName()
                    + ", not a structure");
        }
        var schema = value.schema();
        if (schema.field("op") != null && schema.field("source") != null) {
            return readRow(record, value);
        }
        if (schema.field("ddl") != null && schema.field("databaseName") != null) {
            return readSchemaChange(offset, value, resumePosition(record), objectContext(record), charsetDefaults(record));
        }
        if (schema.field("status") != null && schema.field("id") != null) {
            return new TransactionBoundary(offset, value.getString("id"), "BEGIN".equals(value.getString("status")));
        }
        return new Unrecognised(offset, "not a Debezium change event: its value (schema " + schema.name() + ", fields "
                + schema.fields().stream().map(f -> f.name()).toList() + ") is neither a row change (op, source, before, after), a "
                + "schema change (ddl, databaseName) nor a transaction boundary (status, id)");
    }

    private static RowChange readRow(SinkRecord record, Struct value) {
        for (String field : new String[] {"before", "after"}) {
            if (value.schema().field(field) == null) {
                throw new DataException("not a Debezium row change event: it has 'op' and 'source' but no '" + field + "' field");
            }
        }
        Struct source = value.getStruct("source");
        String op = value.getString("op");
        if (source == null || op == null) {
            throw new DataException("not a Debezium row change event: its " + (op == null ? "'op'" : "'source'") + " is null");
        }
        if (isBlank(source, "db") || isBlank(source, "table")) {
            throw new DataException("not a Debezium row change event: its source block names no database and table");
        }
        RowChange.Operation operation = switch (op) {
            case "r" -> RowChange.Operation.READ;
            case "c" -> RowChange.Operation.INSERT;
            case "u" -> RowChange.Operation.UPDATE;
            case "d" -> RowChange.Operation.DELETE;
            case "t" -> RowChange.Operation.TRUNCATE;
            default -> throw new DataException("Unknown operation '" + op + "' at " + record.topic() + "/"
                    + record.kafkaPartition() + "@" + record.kafkaOffset());
        };
        Struct key = record.key() instanceof Struct k ? k : null;
        if (operation.writesRow() && value.get("after") == null) {
            throw new DataException("a row change with op '" + op + "' but no 'after' image: there is no row to write");
        }
        if (operation == RowChange.Operation.DELETE && value.get("before") == null && key == null) {
            throw new DataException("a delete with neither a 'before' image nor a key: there is no row to find");
        }
        RowChange.KeyChange keyChange = operation == RowChange.Operation.DELETE && record.headers().lastWithName(NEW_KEY_HEADER) != null
                ? RowChange.KeyChange.DELETES_OLD_KEY
                : operation == RowChange.Operation.INSERT && record.headers().lastWithName(OLD_KEY_HEADER) != null
                ? RowChange.KeyChange.CREATES_NEW_KEY : RowChange.KeyChange.NONE;
        return new RowChange(record.kafkaOffset(), source.getString("db"), source.getString("table"), operation, key,
                value.getStruct("before"), value.getStruct("after"), SourcePosition.of(source, resumePosition(record)), keyChange);
    }

    private static boolean isBlank(Struct source, String field) {
        if (source.schema().field(field) == null) {
            return true;
        }
        Object v = source.get(field);
        return v == null || v.toString().isEmpty();
    }

    private static SchemaChange readSchemaChange(long offset, Struct value, BinlogPosition resumeAt, ObjectContext object,
                                                 Map<String, String> charsetDefaults) {
        Struct source = value.getStruct("source");
        List<SchemaChange.TableShape> shapes = new ArrayList<>();
        if (value.schema().field("tableChanges") != null && value.get("tableChanges") != null) {
            for (Object o : value.getArray("tableChanges")) {
                Struct change = (Struct) o;
                String[] id = splitTableId(change.getString("id"));
                List<String> columns = new ArrayList<>();
                Struct table = change.getStruct("table");
                if (table != null && table.get("columns") != null) {
                    for (Object c : table.getArray("columns")) {
                        columns.add(((Struct) c).getString("name"));
                    }
                }
                shapes.add(new SchemaChange.TableShape(change.getString("type"), id[0], id[1], List.copyOf(columns)));
            }
        }
        return new SchemaChange(offset, value.getString("databaseName"), value.getString("ddl"), List.copyOf(shapes),
                SourcePosition.of(source, resumeAt), grammarOf(source), object, charsetDefaults);
    }

    /** The source server's default collation of each character set, from the header the source connector adds. */
    private static Map<String, String> charsetDefaults(SinkRecord record) {
        Header h = record.headers().lastWithName(CharsetDefaults.HEADER);
        try {
            return h == null || h.value() == null ? Map.of() : CharsetDefaults.decode(h.value().toString());
        } catch (IllegalArgumentException e) {
            throw new DataException("Unreadable " + CharsetDefaults.HEADER + " header at " + record.topic() + "/"
                    + record.kafkaPartition() + "@" + record.kafkaOffset() + ": " + e.getMessage(), e);
        }
    }

    /** The object and session context a view, routine, trigger or event statement carries in its headers, or null. */
    private static ObjectContext objectContext(SinkRecord record) {
        try {
            return ObjectContext.fromHeaders(name -> {
                Header h = record.headers().lastWithName(name);
                return h == null || h.value() == null ? null : h.value().toString();
            });
        } catch (IllegalArgumentException e) {
            throw new DataException("Unreadable " + ObjectContext.HEADER_PREFIX + "* headers at " + record.topic() + "/"
                    + record.kafkaPartition() + "@" + record.kafkaOffset() + ": " + e.getMessage(), e);
        }
    }

    /** Debezium's source block names its connector: "mariadb" for MariaDB's, "mysql" for MySQL's. */
    static Flavour grammarOf(Struct source) {
        if (source != null && source.schema().field("connector") != null && "mariadb".equals(source.get("connector"))) {
            return Flavour.MARIADB;
        }
        return Flavour.MYSQL;
    }

    private static BinlogPosition resumePosition(SinkRecord record) {
        Header header = record.headers().lastWithName(BinlogPosition.HEADER);
        if (header == null || header.value() == null) {
            return null;
        }
        try {
            return BinlogPosition.parse(header.value().toString());
        } catch (RuntimeException e) {
            throw new DataException("Unreadable " + BinlogPosition.HEADER + " header '" + header.value() + "' at "
                    + record.topic() + "/" + record.kafkaPartition() + "@" + record.kafkaOffset(), e);
        }
    }

    /** Debezium writes table ids as {@code "db"."table"} (quotes optional): split into database and table. */
    static String[] splitTableId(String id) {
        if (id == null) {
            return new String[] {null, null};
        }
        List<String> parts = Identifiers.splitQualified(id, '"');
        if (parts.size() == 1) {
            return new String[] {null, parts.get(0)};
        }
        return new String[] {parts.get(0), parts.get(parts.size() - 1)};
    }
}
