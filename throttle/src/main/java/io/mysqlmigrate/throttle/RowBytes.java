package io.mysqlmigrate.throttle;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * The size a row's data has on its way through, estimated from its values: text by its length, bytes by their count,
 * other values by a machine word. Cheap and close enough for a MB/s cap.
 */
public final class RowBytes {

    private RowBytes() {
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
            return c.stream().mapToLong(RowBytes::of).sum();
        }
        if (value instanceof Map<?, ?> m) {
            return m.entrySet().stream().mapToLong(e -> of(e.getKey()) + of(e.getValue())).sum();
        }
        return 8;
    }
}
