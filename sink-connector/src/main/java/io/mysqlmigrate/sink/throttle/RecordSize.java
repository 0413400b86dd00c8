package io.mysqlmigrate.sink.throttle;

import io.mysqlmigrate.throttle.RowBytes;
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
        return RowBytes.of(value);
    }
}
