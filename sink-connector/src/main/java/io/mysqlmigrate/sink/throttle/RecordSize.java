package io.mysqlmigrate.sink.throttle;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The size a record's row data has on its way to the destination, estimated from its values: text by its length,
 * bytes by their count, other values by a machine word. Cheap and close enough for a MB/s cap.
 */
public final class RecordSize {

    private RecordSize() {
    }

    public static long of(SinkRecord record) {
        if (!(record.value() instanceof Struct value)) {
            return 0;
        }
        Object after = value.schema().field("after") != null ? value.getWithoutDefault("after") : null;
        return after instanceof Struct row ? of(row) : 0;
    }

    public static long of(Object value) {
        if (value == null) {
            return 1;
        }
        if (value instanceof CharSequence s) {
            return s.length();
        }
        if (value instanceof byte[] b) {
            return b.length;
        }
        if (value instanceof ByteBuffer b) {
            return b.remaining();
        }
        if (value instanceof Struct s) {
            long size = 0;
            for (Field f : s.schema().fields()) {
                size += of(s.getWithoutDefault(f.name()));
            }
            return size;
        }
        if (value instanceof Collection<?> c) {
            return c.stream().mapToLong(RecordSize::of).sum();
        }
        if (value instanceof Map<?, ?> m) {
            return m.entrySet().stream().mapToLong(e -> of(e.getKey()) + of(e.getValue())).sum();
        }
        return 8;
    }
}
