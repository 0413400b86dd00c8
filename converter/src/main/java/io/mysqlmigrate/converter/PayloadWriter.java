package io.mysqlmigrate.converter;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Writes a Connect value as the "payload" of Kafka's JSON envelope, streaming, with JsonConverter's encoding: bytes
 * and (by default) decimals as base64, Connect's Date/Time/Timestamp as numbers, maps with string keys as objects and
 * other maps as arrays of [key, value] pairs, structs as objects in field order.
 */
final class PayloadWriter {

    private final boolean decimalsAsNumbers;
    private final boolean replaceNullWithDefault;

    PayloadWriter(boolean decimalsAsNumbers, boolean replaceNullWithDefault) {
        this.decimalsAsNumbers = decimalsAsNumbers;
        this.replaceNullWithDefault = replaceNullWithDefault;
    }

    void write(JsonGenerator g, Schema schema, Object value) throws IOException {
        if (value == null) {
            if (replaceNullWithDefault && schema.defaultValue() != null) {
                write(g, schema, schema.defaultValue());
                return;
            }
            if (!schema.isOptional()) {
                throw new DataException("Conversion error: null value for field that is required and has no default value");
            }
            g.writeNull();
            return;
        }
        String logical = schema.name();
        if (logical != null) {
            switch (logical) {
                case Decimal.LOGICAL_NAME -> {
                    BigDecimal decimal = (BigDecimal) value;
                    if (decimalsAsNumbers) {
                        g.writeNumber(decimal);
                    } else {
                        g.writeBinary(Decimal.fromLogical(schema, decimal));
                    }
                    return;
                }
                case Date.LOGICAL_NAME -> {
                    g.writeNumber(Date.fromLogical(schema, (java.util.Date) value));
                    return;
                }
                case Time.LOGICAL_NAME -> {
                    g.writeNumber(Time.fromLogical(schema, (java.util.Date) value));
                    return;
                }
                case Timestamp.LOGICAL_NAME -> {
                    g.writeNumber(Timestamp.fromLogical(schema, (java.util.Date) value));
                    return;
                }
                default -> {
                    // other logical types (Debezium's among them) are carried as their primitive type
                }
            }
        }
        switch (schema.type()) {
            case INT8, INT16, INT32 -> g.writeNumber(((Number) value).intValue());
            case INT64 -> g.writeNumber(((Number) value).longValue());
            case FLOAT32 -> g.writeNumber(((Number) value).floatValue());
            case FLOAT64 -> g.writeNumber(((Number) value).doubleValue());
            case BOOLEAN -> g.writeBoolean((Boolean) value);
            case STRING -> g.writeString(value.toString());
            case BYTES -> g.writeBinary(bytes(value));
            case ARRAY -> {
                g.writeStartArray();
                for (Object element : (Collection<?>) value) {
                    write(g, schema.valueSchema(), element);
                }
                g.writeEndArray();
            }
            case MAP -> writeMap(g, schema, (Map<?, ?>) value);
            case STRUCT -> {
                Struct struct = (Struct) value;
                if (!struct.schema().equals(schema)) {
                    throw new DataException("Mismatching schema.");
                }
                g.writeStartObject();
                for (Field field : schema.fields()) {
                    g.writeFieldName(field.name());
                    Object fieldValue = replaceNullWithDefault ? struct.get(field) : struct.getWithoutDefault(field.name());
                    write(g, field.schema(), fieldValue);
                }
                g.writeEndObject();
            }
            default -> throw new DataException("Couldn't convert " + value + " to JSON.");
        }
    }

    private void writeMap(JsonGenerator g, Schema schema, Map<?, ?> map) throws IOException {
        boolean objectMode = schema.keySchema().type() == Schema.Type.STRING && !schema.keySchema().isOptional();
        if (objectMode) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName((String) e.getKey());
                write(g, schema.valueSchema(), e.getValue());
            }
            g.writeEndObject();
        } else {
            g.writeStartArray();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeStartArray();
                write(g, schema.keySchema(), e.getKey());
                write(g, schema.valueSchema(), e.getValue());
                g.writeEndArray();
            }
            g.writeEndArray();
        }
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] b = new byte[copy.remaining()];
            copy.get(b);
            return b;
        }
        throw new DataException("Invalid type for bytes type: " + value.getClass());
    }
}
