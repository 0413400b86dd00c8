package io.mysqlmigrate.converter;

import java.lang.reflect.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Fills a Struct the reader has just built, without {@link Struct#put}'s validation of every value against its
 * schema. The reader produces each value from the field's own schema type, so that check can only repeat what the
 * reader already did, and in the sink it was a fifth of the task thread's time (JFR, catch-up of the incremental
 * benchmark). The one check that is not redundant, a missing value for a required field, stays. When Kafka's Struct
 * no longer has the array this relies on, every value goes through {@link Struct#put} as before.
 */
final class StructValues {

    private static final Field VALUES = valuesField();

    private StructValues() {
    }

    private static Field valuesField() {
        try {
            Field f = Struct.class.getDeclaredField("values");
            f.setAccessible(true);
            return f.getType() == Object[].class ? f : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The struct's value array to write into directly, or null when only {@link Struct#put} may be used. */
    static Object[] of(Struct struct) {
        if (VALUES == null) {
            return null;
        }
        try {
            return (Object[]) VALUES.get(struct);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    static void set(Struct struct, Object[] values, org.apache.kafka.connect.data.Field field, Object value) {
        if (values == null) {
            struct.put(field, value);
            return;
        }
        if (value == null) {
            Schema schema = field.schema();
            if (!schema.isOptional() && schema.defaultValue() == null) {
                throw new DataException("Invalid value: null used for required field: \"" + field.name() + "\", schema type: "
                        + schema.type());
            }
        }
        values[field.index()] = value;
    }
}
