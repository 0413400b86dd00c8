package io.mysqlmigrate.sink.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
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
 * years before 1000, and TIME beyond 24 hours or below zero, none of which survive java.sql types. FLOAT values are
 * widened to double, spatial values bound in MySQL's storage format (SRID + WKB). Each conversion is checked end to
 * end by the type-fidelity corpus (e2e-tests, {@code fidelity/}); docs/TYPES.md lists the results.
 */
public final class ColumnValues {

    static final String ZERO_DATETIME = "0000-00-00 00:00:00";
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
                    return timestamp(value.toString());
                case "io.debezium.time.Time":
                    return timeFromMicros(Math.multiplyExact(((Number) value).longValue(), 1000L));
                case "io.debezium.time.MicroTime":
                    return timeFromMicros(((Number) value).longValue());
                case "io.debezium.time.NanoTime":
                    return timeFromMicros(Math.floorDiv(((Number) value).longValue(), 1000L));
                case "io.debezium.time.Year":
                    return year(((Number) value).intValue());
                case "io.debezium.data.Bits":
                    return bits(bytes(value));
                case "io.debezium.data.Json":
                    return mysqlPrintedJson(value.toString());
                case Decimal.LOGICAL_NAME:
                    return (BigDecimal) value;
                case "io.debezium.data.geometry.Geometry", "io.debezium.data.geometry.Point":
                    return geometry((Struct) value);
                default:
                    break;
            }
        }
        return switch (schema.type()) {
            case INT8, INT16, INT32, INT64, FLOAT64, BOOLEAN, STRING -> value;
            // Bound as a double, the float is sent as text that parses back to it exactly: Float.toString gives the
            // shortest text that identifies it among floats, e.g. 3.4028235E38 for the largest one, which MySQL reads
            // as a double beyond the FLOAT range and rejects.
            case FLOAT32 -> ((Number) value).doubleValue();
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

    /**
     * TIMESTAMP text in UTC from Debezium's ISO-8601 instant. The epoch itself is outside TIMESTAMP's range (which
     * starts at 1970-01-01 00:00:01 UTC): Debezium sends it for the zero timestamp '0000-00-00 00:00:00', which is
     * what it becomes again.
     */
    static String timestamp(String iso) {
        OffsetDateTime instant = OffsetDateTime.parse(iso);
        if (instant.toInstant().equals(Instant.EPOCH)) {
            return ZERO_DATETIME;
        }
        return instant.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().format(DATETIME_MICROS);
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

    /**
     * A YEAR value. The binary log stores YEAR as the offset from 1900 and the zero year 0000 as 0, which Debezium
     * decodes as 1900, a year outside YEAR's range (1901 to 2155, and 0000): it is 0000 again, bound as the number 0
     * (the string '0' would mean 2000).
     */
    static int year(int year) {
        return year == 1900 ? 0 : year;
    }

    /**
     * A MySQL JSON document as MySQL itself prints it, {@code {"a": 1, "b": [1, 2]}}: the snapshot reads that text, but
     * the binary log's decoder writes it without the blank after each {@code ,} and {@code :} between tokens. A MySQL
     * destination parses either; a MariaDB one, whose JSON is LONGTEXT that keeps the text, would otherwise hold a
     * document in two spellings depending on whether the snapshot or the stream brought it. Strings are left as they
     * are; text that already has the blanks is unchanged.
     */
    static String mysqlPrintedJson(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            out.append(c);
            if (inString) {
                if (c == '\\' && i + 1 < json.length()) {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if ((c == ',' || c == ':') && i + 1 < json.length() && json.charAt(i + 1) != ' ') {
                out.append(' ');
            }
        }
        return out.toString();
    }

    /**
     * A BIT(n) value as the unsigned number its bits spell (Debezium writes them little-endian), bound as a DECIMAL.
     * Never as bytes: a server-side prepared statement receives bytes as a string in the connection's character set,
     * which MySQL converts to the column's derived character set and refuses when the bits are not valid text
     * ("Conversion from collation utf8mb4_0900_ai_ci into latin1_swedish_ci impossible for parameter"), and a BIT
     * column compared with bytes in a WHERE clause matches nothing on either flavour. A number is stored and compared
     * exactly by both, up to BIT(64)'s 2^64-1, which is why it is not a (signed) long.
     */
    static BigDecimal bits(byte[] littleEndian) {
        byte[] bigEndian = new byte[littleEndian.length];
        for (int i = 0; i < littleEndian.length; i++) {
            bigEndian[i] = littleEndian[littleEndian.length - 1 - i];
        }
        return new BigDecimal(new BigInteger(1, bigEndian));
    }

    /**
     * A spatial value in MySQL's own storage format, which a geometry column accepts as a binary string: the SRID as
     * four little-endian bytes, then the WKB. Debezium splits the two ({@code srid} is null for SRID 0); a Point may
     * come as coordinates alone.
     */
    static byte[] geometry(Struct value) {
        Schema schema = value.schema();
        byte[] wkb = schema.field("wkb") == null || value.get("wkb") == null ? null : bytes(value.get("wkb"));
        if (wkb == null) {
            if (schema.field("x") == null || value.get("x") == null || value.get("y") == null) {
                throw new DataException("Spatial value without WKB: " + value);
            }
            wkb = ByteBuffer.allocate(21).order(ByteOrder.LITTLE_ENDIAN).put((byte) 1).putInt(1)
                    .putDouble(((Number) value.get("x")).doubleValue()).putDouble(((Number) value.get("y")).doubleValue()).array();
        }
        Object srid = schema.field("srid") == null ? null : value.get("srid");
        return ByteBuffer.allocate(4 + wkb.length).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(srid == null ? 0 : ((Number) srid).intValue()).put(wkb).array();
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
