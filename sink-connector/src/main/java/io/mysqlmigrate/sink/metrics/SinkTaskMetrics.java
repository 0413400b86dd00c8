package io.mysqlmigrate.sink.metrics;

import io.mysqlmigrate.connect.JmxBeans;
import io.mysqlmigrate.sink.retry.RetryEpisode;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The live values behind {@link SinkTaskMetricsMXBean}, updated by the task as it applies. */
public final class SinkTaskMetrics implements SinkTaskMetricsMXBean, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SinkTaskMetrics.class);

    private final AtomicLong records = new AtomicLong();
    private final Map<String, AtomicLong> rowsByTable = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> ddlByOutcome = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> conflicts = new ConcurrentHashMap<>();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile long delayMillis = -1;
    private volatile RetryEpisode retry;
    private ObjectName registeredAs;

    public static ObjectName objectName(String connectorName, String task) throws JMException {
        return JmxBeans.name(JmxBeans.DOMAIN).plain("type", "sink-task").quoted("connector", connectorName).plain("task", task).build();
    }

    public SinkTaskMetrics register(String connectorName, String task) {
        try {
            ObjectName name = objectName(connectorName, task);
            JmxBeans.register(this, name);
            registeredAs = name;
        } catch (JMException e) {
            LOG.warn("Sink task metrics for connector {} are not available over JMX: {}", connectorName, e.toString());
        }
        return this;
    }

    public void recordsApplied(long n) {
        records.addAndGet(n);
    }

    public void rowsCommitted(String table, long n) {
        rowsByTable.computeIfAbsent(table, t -> new AtomicLong()).addAndGet(n);
    }

    public void ddl(String outcome) {
        ddlByOutcome.computeIfAbsent(outcome, o -> new AtomicLong()).incrementAndGet();
    }

    public void conflict(String how, long n) {
        conflicts.computeIfAbsent(how, h -> new AtomicLong()).addAndGet(n);
    }

    @Override
    public Map<String, Long> getConflictsByPolicy() {
        return snapshot(conflicts);
    }

    public void retried() {
        retries.incrementAndGet();
    }

    /** The task is retrying this failure within its window. */
    public void retrying(RetryEpisode episode) {
        retry = episode;
    }

    /** A batch succeeded: nothing is being retried. */
    public void retryCleared() {
        retry = null;
    }

    @Override
    public boolean isRetrying() {
        return retry != null;
    }

    @Override
    public String getRetryFailure() {
        RetryEpisode r = retry;
        return r == null ? "" : r.failure().lines().findFirst().orElse("");
    }

    @Override
    public long getRetryingSinceEpochMillis() {
        RetryEpisode r = retry;
        return r == null ? 0 : r.since().toEpochMilli();
    }

    @Override
    public long getRetryWindowEndEpochMillis() {
        RetryEpisode r = retry;
        return r == null ? 0 : r.windowEnd().toEpochMilli();
    }

    @Override
    public int getRetryAttempts() {
        RetryEpisode r = retry;
        return r == null ? 0 : r.attempts();
    }

    public void throttled(long millis) {
        throttled.addAndGet(millis);
    }

    public void deadLettered() {
        deadLettered.incrementAndGet();
    }

    public void sourceCommittedAt(long epochMillis) {
        delayMillis = Math.max(0, System.currentTimeMillis() - epochMillis);
    }

    @Override
    public long getRecordsApplied() {
        return records.get();
    }

    @Override
    public Map<String, Long> getRowsAppliedByTable() {
        return snapshot(rowsByTable);
    }

    @Override
    public Map<String, Long> getDdlByOutcome() {
        return snapshot(ddlByOutcome);
    }

    @Override
    public long getRetries() {
        return retries.get();
    }

    @Override
    public long getThrottledMillis() {
        return throttled.get();
    }

    @Override
    public long getDeadLettered() {
        return deadLettered.get();
    }

    @Override
    public long getDelayMillis() {
        return delayMillis;
    }

    private static Map<String, Long> snapshot(Map<String, AtomicLong> counters) {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    @Override
    public void close() {
        if (registeredAs != null) {
            JmxBeans.unregisterQuietly(registeredAs);
            registeredAs = null;
        }
    }
}
