package io.mysqlmigrate.sink;

import io.mysqlmigrate.dialect.BinlogPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/** Builds sink records shaped exactly like Debezium's MariaDB change events, for one database topic. */
public final class DebeziumEvents {

    static final Schema SOURCE = SchemaBuilder.struct().name("io.debezium.connector.mariadb.Source")
            .field("db", Schema.STRING_SCHEMA).field("table", Schema.OPTIONAL_STRING_SCHEMA)
            .field("file", Schema.STRING_SCHEMA).field("pos", Schema.INT64_SCHEMA).field("row", Schema.OPTIONAL_INT32_SCHEMA)
            .field("snapshot", Schema.OPTIONAL_STRING_SCHEMA).field("ts_ms", Schema.INT64_SCHEMA).build();
    static final Schema COLUMN = SchemaBuilder.struct().field("name", Schema.STRING_SCHEMA).build();
    static final Schema TABLE = SchemaBuilder.struct().optional().field("columns", SchemaBuilder.array(COLUMN).build()).build();
    static final Schema TABLE_CHANGE = SchemaBuilder.struct().field("type", Schema.STRING_SCHEMA).field("id", Schema.STRING_SCHEMA)
            .field("table", TABLE).build();
    static final Schema SCHEMA_CHANGE = SchemaBuilder.struct().name("io.debezium.connector.mariadb.SchemaChangeValue")
            .field("source", SOURCE).field("ts_ms", Schema.INT64_SCHEMA).field("databaseName", Schema.OPTIONAL_STRING_SCHEMA)
            .field("ddl", Schema.OPTIONAL_STRING_SCHEMA).field("tableChanges", SchemaBuilder.array(TABLE_CHANGE).build()).build();

    private final String topic;
    private final String database;
    private long offset;
    private long binlogPos = 4;

    public DebeziumEvents(String topic, String database) {
        this.topic = topic;
        this.database = database;
    }

    public long nextOffset() {
        return offset;
    }

    void offset(long offset) {
        this.offset = offset;
    }

    public SinkRecord ddl(boolean snapshot, String ddl, String changeType, String table, String... columns) {
        List<Struct> changes = new ArrayList<>();
        if (table != null) {
            List<Struct> cols = new ArrayList<>();
            for (String c : columns) {
                cols.add(new Struct(COLUMN).put("name", c));
            }
            changes.add(new Struct(TABLE_CHANGE).put("type", changeType).put("id", "\"" + database + "\".\"" + table + "\"")
                    .put("table", new Struct(TABLE).put("columns", cols)));
        }
        Struct value = new Struct(SCHEMA_CHANGE).put("source", source(null, snapshot)).put("ts_ms", 1L)
                .put("databaseName", database).put("ddl", ddl).put("tableChanges", changes);
        return withPosition(new SinkRecord(topic, 0, null, null, SCHEMA_CHANGE, value, offset++), snapshot);
    }

    static final Schema BOUNDARY = SchemaBuilder.struct().name("io.debezium.connector.common.TransactionMetadataValue")
            .field("status", Schema.STRING_SCHEMA).field("id", Schema.STRING_SCHEMA)
            .field("event_count", Schema.OPTIONAL_INT64_SCHEMA).build();

    /** A BEGIN or END marker of a source transaction, as the source connector routes it into the database topic. */
    public SinkRecord boundary(String status, String id) {
        Struct value = new Struct(BOUNDARY).put("status", status).put("id", id);
        return new SinkRecord(topic, 0, null, null, BOUNDARY, value, offset++);
    }

    /** Any other value at the next offset of the topic, as another producer might write it (null: a tombstone). */
    public SinkRecord foreign(Schema schema, Object value) {
        return new SinkRecord(topic, 0, null, null, schema, value, offset++);
    }

    /**
     * A row change event as the user met it: {@code op} and a source block with a binary log position, but no
     * {@code before} or {@code after} field at all.
     */
    public SinkRecord rowWithoutImages(String op, String table) {
        Schema envelope = SchemaBuilder.struct().name(topic + "." + table + ".Envelope").field("source", SOURCE)
                .field("op", Schema.STRING_SCHEMA).build();
        Struct value = new Struct(envelope).put("op", op).put("source", source(table, false));
        return withPosition(new SinkRecord(topic, 0, null, null, envelope, value, offset++), false);
    }

    /** The same event again at a new Kafka offset, as a restarted source sends it: same payload, same headers. */
    public SinkRecord resend(SinkRecord earlier) {
        return new SinkRecord(topic, 0, earlier.keySchema(), earlier.key(), earlier.valueSchema(), earlier.value(), offset++,
                null, org.apache.kafka.common.record.TimestampType.NO_TIMESTAMP_TYPE, earlier.headers().duplicate());
    }

    /** Streamed events carry the resume position the source connector writes; snapshot ones share the snapshot's. */
    private SinkRecord withPosition(SinkRecord record, boolean snapshot) {
        long pos = snapshot ? 4 : binlogPos;
        record.headers().addString(BinlogPosition.HEADER, new BinlogPosition("mysql-bin.000001", pos, 0, 0, "test-source:3306#1").format());
        return record;
    }

    public SinkRecord row(String op, String table, Schema rowSchema, Map<String, Object> before, Map<String, Object> after, String... keyColumns) {
        Schema envelope = SchemaBuilder.struct().name(topic + "." + table + ".Envelope").field("before", rowSchema)
                .field("after", rowSchema).field("source", SOURCE).field("op", Schema.STRING_SCHEMA)
                .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA).build();
        SchemaBuilder keyBuilder = SchemaBuilder.struct();
        for (String k : keyColumns) {
            keyBuilder.field(k, rowSchema.field(k).schema());
        }
        Schema keySchema = keyBuilder.build();
        Map<String, Object> image = after != null ? after : before;
        Struct key = new Struct(keySchema);
        for (String k : keyColumns) {
            key.put(k, image.get(k));
        }
        Struct value = new Struct(envelope).put("op", op).put("source", source(table, op.equals("r")))
                .put("before", struct(rowSchema, before)).put("after", struct(rowSchema, after));
        return withPosition(new SinkRecord(topic, 0, keySchema, key, envelope, value, offset++), op.equals("r"));
    }

    private Struct source(String table, boolean snapshot) {
        return new Struct(SOURCE).put("db", database).put("table", table).put("file", "mysql-bin.000001").put("pos", binlogPos++)
                .put("snapshot", snapshot ? "true" : "false").put("ts_ms", 1000L);
    }

    private static Struct struct(Schema schema, Map<String, Object> values) {
        if (values == null) {
            return null;
        }
        Struct s = new Struct(schema);
        values.forEach(s::put);
        return s;
    }
}
