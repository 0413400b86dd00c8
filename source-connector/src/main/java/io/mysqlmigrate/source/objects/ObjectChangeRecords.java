package io.mysqlmigrate.source.objects;

import io.mysqlmigrate.dialect.ObjectContext;
import java.util.List;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Shapes a statement Debezium did not report as a Debezium schema change event, so the sink and any other consumer
 * read it like the rest: the envelope of a schema change Debezium did emit, the statement's text and database, no
 * table changes, and the source position of the newest record forwarded, so the statement lands in order after it.
 * The session context the object was defined in (sql_mode, character set, collations) travels in the record's
 * headers ({@link ObjectContext#headers()}), leaving the value Debezium's.
 */
public final class ObjectChangeRecords {

    private SourceRecord schemaChangeTemplate;
    private SourceRecord lastForwarded;

    /** Remembers the envelope of schema changes and the position of the stream. */
    public void observe(SourceRecord record, boolean schemaChange) {
        if (schemaChange) {
            schemaChangeTemplate = record;
        }
        lastForwarded = record;
    }

    /**
     * The schema change envelope's {@code source} block carrying the newest forwarded record's position. Row events
     * and schema changes may describe their source with different schemas (MariaDB's connector does), so the fields
     * are copied by name: a statement found after the snapshot must not carry the snapshot's position, or the sink
     * would record its progress as going back to the snapshot.
     */
    static Struct positionOf(Struct stream, Struct template) {
        if (template == null || stream.schema().equals(template.schema())) {
            return stream;
        }
        Struct out = new Struct(template.schema());
        for (Field f : template.schema().fields()) {
            Field from = stream.schema().field(f.name());
            Object v = template.get(f);
            if (from != null && from.schema().type() == f.schema().type()) {
                v = stream.get(from);
            }
            if (v != null || f.schema().isOptional()) {
                out.put(f, v);
            }
        }
        return out;
    }

    public boolean ready() {
        return schemaChangeTemplate != null && lastForwarded != null;
    }

    public SourceRecord create(String database, String ddl) {
        return create(database, ddl, null);
    }

    /** The record of a statement that runs on the destination in {@code context} (null: the sink's own session). */
    public SourceRecord create(String database, String ddl, ObjectContext context) {
        Struct template = (Struct) schemaChangeTemplate.value();
        Schema schema = template.schema();
        Struct value = new Struct(schema);
        for (Field f : schema.fields()) {
            value.put(f, template.get(f));
        }
        Struct streamSource = lastForwarded.value() instanceof Struct v && v.schema().field("source") != null ? v.getStruct("source") : null;
        if (streamSource != null && schema.field("source") != null) {
            value.put("source", positionOf(streamSource, template.getStruct("source")));
        }
        value.put("databaseName", database);
        value.put("ddl", ddl);
        if (schema.field("tableChanges") != null) {
            value.put("tableChanges", List.of());
        }
        Object key = schemaChangeTemplate.key();
        if (key instanceof Struct k && k.schema().field("databaseName") != null) {
            Struct newKey = new Struct(k.schema());
            for (Field f : k.schema().fields()) {
                newKey.put(f, k.get(f));
            }
            newKey.put("databaseName", database);
            key = newKey;
        }
        SourceRecord record = new SourceRecord(lastForwarded.sourcePartition(), lastForwarded.sourceOffset(), schemaChangeTemplate.topic(),
                schemaChangeTemplate.kafkaPartition(), schemaChangeTemplate.keySchema(), key, schema, value, System.currentTimeMillis());
        if (context != null) {
            context.headers().forEach(record.headers()::addString);
        }
        return record;
    }
}
