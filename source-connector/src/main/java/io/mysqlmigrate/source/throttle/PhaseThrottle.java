package io.mysqlmigrate.source.throttle;

import io.mysqlmigrate.source.phase.SnapshotRecords;
import io.mysqlmigrate.source.routing.EventKind;
import io.mysqlmigrate.throttle.RowBytes;
import io.mysqlmigrate.throttle.Throttle;
import java.util.List;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The source's rows/s and MB/s caps, one pair per phase: snapshot rows count against the full-load caps, rows read
 * from the binary log against the incremental ones. Only row changes count; DDL and transaction boundaries pass free.
 */
public final class PhaseThrottle {

    private final Throttle fullLoad;
    private final Throttle incremental;

    public PhaseThrottle(Throttle fullLoad, Throttle incremental) {
        this.fullLoad = fullLoad;
        this.incremental = incremental;
    }

    /** Holds the batch back as long as the caps of its phase require; answers the time held, as the throttles count it. */
    public long acquire(List<SourceRecord> batch) throws InterruptedException {
        long snapshotRows = 0;
        long snapshotBytes = 0;
        long streamedRows = 0;
        long streamedBytes = 0;
        for (SourceRecord r : batch) {
            if (EventKind.of(r) != EventKind.ROW_CHANGE) {
                continue;
            }
            Struct value = (Struct) r.value();
            Object image = value.get("after") != null ? value.get("after") : value.get("before");
            if (SnapshotRecords.isSnapshot(r)) {
                snapshotRows++;
                snapshotBytes += RowBytes.of(image);
            } else {
                streamedRows++;
                streamedBytes += RowBytes.of(image);
            }
        }
        return fullLoad.acquire(snapshotRows, snapshotBytes) + incremental.acquire(streamedRows, streamedBytes);
    }
}
