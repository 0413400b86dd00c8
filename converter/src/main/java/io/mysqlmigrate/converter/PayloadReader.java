package io.mysqlmigrate.converter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Reads the "payload" of Kafka's JSON envelope straight into Connect values for a known schema, streaming, with
 * JsonConverter's rules (base64 bytes and decimals, numeric decimals too, Connect's temporal logical types from
 * numbers, both map encodings).
 */
final class PayloadReader {

    private final boolean replaceNullWithDefault;

    PayloadReader(boolean replaceNullWithDefault) {
        this.replaceNullWithDefault = replaceNullWithDefault;
    }

    /** Reads the value at the parser's current token. */
    Object read(JsonParser p, Schema schema) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return nullValue(schema);
        }
        String logical = schema.name();
        if (logical != null) {
            switch (logical) {
                case Decimal.LOGICAL_NAME -> {
                    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                        return p.getDecimalValue();
                    }
                    return Decimal.toLogical(schema, binary(p));
                }
                case Date.LOGICAL_NAME -> {
                    return Date.toLogical(schema, intValue(p, schema));
                }
                case Time.LOGICAL_NAME -> {
                    return Time.toLogical(schema, intValue(p, schema));
                }
                case Timestamp.LOGICAL_NAME -> {
                    return Timestamp.toLogical(schema, longValue(p, schema));
                }
                default -> {
                    // carried as the primitive type
                }
            }
        }
        return switch (schema.type()) {
            case INT8 -> (byte) intValue(p, schema);
            case INT16 -> (short) intValue(p, schema);
            case INT32 -> intValue(p, schema);
            case INT64 -> longValue(p, schema);
            case FLOAT32 -> {
                requireNumber(p, schema);
                yield p.getFloatValue();
            }
            case FLOAT64 -> {
                requireNumber(p, schema);
                yield p.getDoubleValue();
            }
            case BOOLEAN -> {
                if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                    throw mismatch(p, schema);
                }
                yield p.getBooleanValue();
            }
            case STRING -> {
                if (token != JsonToken.VALUE_STRING) {
                    throw mismatch(p, schema);
                }
                yield p.getText();
            }
            case BYTES -> binary(p);
            case ARRAY -> readArray(p, schema);
            case MAP -> readMap(p, schema);
            case STRUCT -> readStruct(p, schema);
        };
    }

    private Object nullValue(Schema schema) {
        if (replaceNullWithDefault && schema.defaultValue() != null) {
            return schema.defaultValue();
        }
        if (schema.isOptional()) {
            return null;
        }
        throw new DataException("Invalid null value for required " + schema.type() + " field");
    }

    private List<Object> readArray(JsonParser p, Schema schema) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw mismatch(p, schema);
        }
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            list.add(read(p, schema.valueSchema()));
        }
        return list;
    }

    private Map<Object, Object> readMap(JsonParser p, Schema schema) throws IOException {
        Map<Object, Object> map = new LinkedHashMap<>();
        if (p.currentToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                map.put(key, read(p, schema.valueSchema()));
            }
            return map;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw mismatch(p, schema);
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw new DataException("Found invalid map entry instead of array tuple: " + p.currentToken());
            }
            p.nextToken();
            Object key = read(p, schema.keySchema());
            p.nextToken();
            Object value = read(p, schema.valueSchema());
            if (p.nextToken() != JsonToken.END_ARRAY) {
                throw new DataException("Found invalid map entry, expected length 2");
            }
            map.put(key, value);
        }
        return map;
    }

    private Struct readStruct(JsonParser p, Schema schema) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw mismatch(p, schema);
        }
        Struct struct = new Struct(schema);
        Object[] values = StructValues.of(struct);
        List<Field> fields = schema.fields();
        boolean[] seen = new boolean[fields.size()];
        int found = 0;
        int next = 0; // fields usually come in schema order: try the next one before a lookup by name
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            Field field = next < fields.size() && fields.get(next).name().equals(name) ? fields.get(next) : schema.field(name);
            if (field == null) {
                p.skipChildren();
                continue;
            }
            StructValues.set(struct, values, field, read(p, field.schema()));
            if (!seen[field.index()]) {
                seen[field.index()] = true;
                found++;
            }
            next = field.index() + 1;
        }
        if (found < fields.size()) {
            for (Field field : fields) {
                if (!seen[field.index()]) {
                    StructValues.set(struct, values, field, nullValue(field.schema()));
                }
            }
        }
        return struct;
    }

    private static byte[] binary(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING && p.currentToken() != JsonToken.VALUE_EMBEDDED_OBJECT) {
            throw new DataException("Invalid type for bytes: " + p.currentToken());
        }
        return p.getBinaryValue();
    }

    private static int intValue(JsonParser p, Schema schema) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw mismatch(p, schema);
        }
        return p.getIntValue();
    }

    private static long longValue(JsonParser p, Schema schema) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw mismatch(p, schema);
        }
        return p.getLongValue();
    }

    private static void requireNumber(JsonParser p, Schema schema) {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT && p.currentToken() != JsonToken.VALUE_NUMBER_FLOAT) {
            throw mismatch(p, schema);
        }
    }

    private static DataException mismatch(JsonParser p, Schema schema) {
        return new DataException("Schema type " + schema.type() + " does not match the JSON value " + p.currentToken());
    }
}
