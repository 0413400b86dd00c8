package io.mysqlmigrate.sink.types;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Turns a column value of a Debezium change event into the value bound to the destination statement, exactly.
 * Temporal values are bound as the text MySQL itself prints (the session runs in UTC), which keeps microseconds,
 * years before 1000, and TIME beyond 24 hours or below zero, none of which survive java.sql types.
 */
public final class ColumnValues {

    private static final DateTimeFormatter DATETIME_MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private ColumnValues() {
    }

    public static Object toJdbc(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        String logical = schema.name();
        if (logical != null) {
            switch (logical) {
                case "io.debezium.time.Date":
                    return LocalDate.ofEpochDay(((Number) value).longValue()).toString();
                case "io.debezium.time.Timestamp":
                    return dateTimeFromMicros(Math.multiplyExact(((Number) value).longValue(), 1000L));
                case "io.debezium.time.MicroTimestamp":
                    return dateTimeFromMicros(((Number) value).longValue());
                case "io.debezium.time.NanoTimestamp":
                    return dateTimeFromMicros(Math.floorDiv(((Number) value).longValue(), 1000L));
                case "io.debezium.time.ZonedTimestamp":
                    return OffsetDateTime.parse(value.toString()).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
                            .format(DATETIME_MICROS);
                case "io.debezium.time.Time":
                    return timeFromMicros(Math.multiplyExact(((Number) value).longValue(), 1000L));
                case "io.debezium.time.MicroTime":
                    return timeFromMicros(((Number) value).longValue());
                case "io.debezium.time.NanoTime":
                    return timeFromMicros(Math.floorDiv(((Number) value).longValue(), 1000L));
                case "io.debezium.time.Year":
                    return ((Number) value).intValue();
                case "io.debezium.data.Bits":
                    return bitsBigEndian(bytes(value));
                case Decimal.LOGICAL_NAME:
                    return (BigDecimal) value;
                case "io.debezium.data.geometry.Geometry", "io.debezium.data.geometry.Point":
                    throw new DataException("Geometry values are not supported by this release");
                default:
                    break;
            }
        }
        return switch (schema.type()) {
            case INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING -> value;
            case BYTES -> bytes(value);
            case STRUCT -> throw new DataException("Unsupported structured column value of type " + describe(schema)
                    + ": " + ((Struct) value).schema().fields());
            default -> throw new DataException("Unsupported column value of type " + describe(schema));
        };
    }

    /** DATETIME text from microseconds since 1970-01-01 00:00:00 (negative for earlier dates). */
    static String dateTimeFromMicros(long micros) {
        long seconds = Math.floorDiv(micros, 1_000_000L);
        int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1000;
        return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC).format(DATETIME_MICROS);
    }

    /** TIME text from signed microseconds; MySQL's TIME spans -838:59:59.999999 to 838:59:59.999999. */
    static String timeFromMicros(long micros) {
        String sign = micros < 0 ? "-" : "";
        long abs = Math.abs(micros);
        long fraction = abs % 1_000_000L;
        long totalSeconds = abs / 1_000_000L;
        long hours = totalSeconds / 3600;
        long minutes = (totalSeconds / 60) % 60;
        long seconds = totalSeconds % 60;
        return String.format("%s%02d:%02d:%02d.%06d", sign, hours, minutes, seconds, fraction);
    }

    /** Debezium writes BIT(n) little-endian; MySQL reads a binary string big-endian. */
    static byte[] bitsBigEndian(byte[] littleEndian) {
        byte[] out = new byte[littleEndian.length];
        for (int i = 0; i < littleEndian.length; i++) {
            out[i] = littleEndian[littleEndian.length - 1 - i];
        }
        return out;
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
        throw new DataException("Expected bytes but got " + value.getClass().getName());
    }

    private static String describe(Schema schema) {
        return schema.name() != null ? schema.name() + " (" + schema.type() + ")" : schema.type().toString();
    }
}
