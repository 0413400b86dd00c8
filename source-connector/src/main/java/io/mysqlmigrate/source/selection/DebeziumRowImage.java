package io.mysqlmigrate.source.selection;

import io.mysqlmigrate.source.selection.condition.EvaluationException;
import io.mysqlmigrate.source.selection.condition.RowImage;
import io.mysqlmigrate.source.selection.condition.SqlValues;
import io.mysqlmigrate.source.selection.condition.StringFold;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * A Debezium row image (the {@code before} or {@code after} struct) read as a row filter reads a row: each value
 * turned back into what the server compared in the snapshot's WHERE clause, using the semantic type Debezium names
 * in the field's schema, the column's collation, and the source's time zone for TIMESTAMP columns (Debezium sends
 * them in UTC; the server compares them in its own zone).
 */
public final class DebeziumRowImage implements RowImage {

    private final Struct row;
    private final Map<String, StringFold> folds;
    private final ZoneId sourceZone;

    /** @param folds collation of each column, by lower-cased name; columns not listed compare exactly */
    public DebeziumRowImage(Struct row, Map<String, StringFold> folds, ZoneId sourceZone) {
        this.row = row;
        this.folds = folds;
        this.sourceZone = sourceZone;
    }

    @Override
    public Object value(String column) {
        Field field = field(column);
        if (field == null) {
            throw new EvaluationException("the row has no column '" + column + "'");
        }
        return convert(field.schema(), row.get(field), folds.getOrDefault(column, StringFold.ofCollation(null)));
    }

    private Field field(String lowerCaseName) {
        Field exact = row.schema().field(lowerCaseName);
        if (exact != null) {
            return exact;
        }
        for (Field f : row.schema().fields()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(lowerCaseName)) {
                return f;
            }
        }
        return null;
    }

    Object convert(Schema schema, Object v, StringFold fold) {
        if (v == null) {
            return null;
        }
        String name = schema.name();
        if (name != null) {
            switch (name) {
                case "io.debezium.time.Date":
                    return LocalDate.ofEpochDay(((Number) v).longValue());
                case "io.debezium.time.Timestamp":
                    return LocalDateTime.ofInstant(Instant.ofEpochMilli(((Number) v).longValue()), ZoneOffset.UTC);
                case "io.debezium.time.MicroTimestamp":
                    return micros(((Number) v).longValue());
                case "io.debezium.time.NanoTimestamp":
                    return LocalDateTime.ofInstant(Instant.ofEpochSecond(0, ((Number) v).longValue()), ZoneOffset.UTC);
                case "io.debezium.time.ZonedTimestamp":
                    return LocalDateTime.ofInstant(Instant.parse((String) v), sourceZone);
                case "io.debezium.time.MicroTime":
                    return new SqlValues.TimeOfDay(((Number) v).longValue());
                case "io.debezium.time.Time":
                    return new SqlValues.TimeOfDay(((Number) v).longValue() * 1000);
                case "io.debezium.time.NanoTime":
                    return new SqlValues.TimeOfDay(((Number) v).longValue() / 1000);
                case "io.debezium.time.Year":
                    return BigDecimal.valueOf(((Number) v).longValue());
                case "org.apache.kafka.connect.data.Decimal":
                    return v;
                case "io.debezium.data.Bits":
                    return bytes(v);
                case "io.debezium.data.Enum", "io.debezium.data.EnumSet", "io.debezium.data.Json":
                    return new SqlValues.Text((String) v, fold);
                default:
                    if (name.startsWith("io.debezium.data.geometry")) {
                        throw new EvaluationException("a spatial column cannot be compared in a row filter");
                    }
            }
        }
        return switch (schema.type()) {
            case INT8, INT16, INT32, INT64 -> BigDecimal.valueOf(((Number) v).longValue());
            case FLOAT32 -> (double) (Float) v;
            case FLOAT64 -> v;
            case BOOLEAN -> v;
            case STRING -> new SqlValues.Text((String) v, fold);
            case BYTES -> bytes(v);
            default -> throw new EvaluationException("a " + schema.type() + " value cannot be compared in a row filter");
        };
    }

    private static LocalDateTime micros(long micros) {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1000), ZoneOffset.UTC);
    }

    private static byte[] bytes(Object v) {
        if (v instanceof byte[] b) {
            return b;
        }
        ByteBuffer buffer = ((ByteBuffer) v).duplicate();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
