package io.mysqlmigrate.sink.throttle;

import io.mysqlmigrate.sink.metrics.SinkTaskMetrics;
import io.mysqlmigrate.throttle.Throttle;
import java.util.List;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Waits as the throttle requires before records are applied, and counts the time waited. */
public final class Pacing {

    private static final Logger LOG = LoggerFactory.getLogger(Pacing.class);

    private final Throttle throttle;
    private final SinkTaskMetrics metrics;

    public Pacing(Throttle throttle, SinkTaskMetrics metrics) {
        this.throttle = throttle;
        this.metrics = metrics;
    }

    /** Waits as the throttle requires before a batch is applied. */
    public void pace(List<SinkRecord> batch) {
        if (!throttle.limited()) {
            return;
        }
        try {
            long waited = throttle.acquire(batch.size(), batch.stream().mapToLong(RecordSize::of).sum());
            metrics.throttled(waited);
            if (waited > 0) {
                LOG.debug("Throttled for {} ms before {} records", waited, batch.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException("Interrupted while throttled", e);
        }
    }
}
