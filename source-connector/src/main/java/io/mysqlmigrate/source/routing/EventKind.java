package io.mysqlmigrate.source.routing;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/** What a Debezium record is, told from the fields of its value (names of schemas vary by connector). */
public enum EventKind {
    ROW_CHANGE,
    SCHEMA_CHANGE,
    TRANSACTION_BOUNDARY,
    OTHER;

    public static EventKind of(SourceRecord record) {
        if (!(record.value() instanceof Struct value)) {
            return OTHER;
        }
        var schema = value.schema();
        if (schema.field("op") != null && schema.field("source") != null) {
            return ROW_CHANGE;
        }
        if (schema.field("ddl") != null && schema.field("databaseName") != null) {
            return SCHEMA_CHANGE;
        }
        if (schema.field("status") != null && schema.field("id") != null && schema.field("data_collections") != null) {
            return TRANSACTION_BOUNDARY;
        }
        return OTHER;
    }
}
