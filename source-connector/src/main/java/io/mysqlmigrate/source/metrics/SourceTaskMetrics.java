package io.mysqlmigrate.source.metrics;

import io.mysqlmigrate.connect.JmxBeans;
import io.mysqlmigrate.source.phase.MigrationPhase;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The live values behind {@link SourceTaskMetricsMXBean}, updated by the task's poll loop. */
public final class SourceTaskMetrics implements SourceTaskMetricsMXBean, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SourceTaskMetrics.class);

    private volatile MigrationPhase phase = MigrationPhase.STARTING;
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong filtered = new AtomicLong();
    private volatile long delayMillis = -1;
    private final AtomicLong throttled = new AtomicLong();
    private volatile BinlogConnection binlog = BinlogConnection.NOT_STREAMING;
    private volatile long binlogDisconnectedAtMs;
    private final AtomicLong binlogReconnects = new AtomicLong();
    private ObjectName registeredAs;

    public static ObjectName objectName(String connectorName) throws JMException {
        return JmxBeans.name(JmxBeans.DOMAIN).plain("type", "source-task").quoted("connector", connectorName).build();
    }

    /** Registers these metrics under the connector's name, replacing those of an earlier task of the same connector. */
    public SourceTaskMetrics register(String connectorName) {
        try {
            ObjectName name = objectName(connectorName);
            JmxBeans.register(this, name);
            registeredAs = name;
        } catch (JMException e) {
            LOG.warn("Source task metrics for connector {} are not available over JMX: {}", connectorName, e.toString());
        }
        return this;
    }

    public void phase(MigrationPhase phase) {
        this.phase = phase;
    }

    public MigrationPhase phase() {
        return phase;
    }

    public void forwarded(long n) {
        forwarded.addAndGet(n);
    }

    public void filtered(long n) {
        filtered.addAndGet(n);
    }

    public void delayMillis(long millis) {
        this.delayMillis = Math.max(0, millis);
    }

    public void throttled(long millis) {
        throttled.addAndGet(millis);
    }

    /** The binary log reader is connected (the first time, or again after a loss). */
    public void binlogConnected() {
        binlog = BinlogConnection.CONNECTED;
    }

    /** The reader lost its connection at this time. */
    public void binlogDisconnected(long atMs) {
        binlogDisconnectedAtMs = atMs;
        binlog = BinlogConnection.DISCONNECTED;
    }

    /** The reader connected again after a loss. */
    public void binlogReconnected() {
        binlogReconnects.incrementAndGet();
        binlog = BinlogConnection.CONNECTED;
    }

    /** The binary log is not read: not yet (snapshot) or no longer (capture stopped). */
    public void binlogNotStreaming() {
        binlog = BinlogConnection.NOT_STREAMING;
    }

    @Override
    public String getBinlogConnection() {
        return binlog.name();
    }

    @Override
    public boolean isBinlogConnected() {
        return binlog == BinlogConnection.CONNECTED;
    }

    @Override
    public long getBinlogDisconnectedSeconds() {
        return binlog == BinlogConnection.DISCONNECTED ? Math.max(0, (System.currentTimeMillis() - binlogDisconnectedAtMs) / 1000) : 0;
    }

    @Override
    public long getBinlogReconnects() {
        return binlogReconnects.get();
    }

    @Override
    public long getThrottledMillis() {
        return throttled.get();
    }

    @Override
    public String getPhase() {
        return phase.name();
    }

    @Override
    public long getRecordsForwarded() {
        return forwarded.get();
    }

    @Override
    public long getRecordsFiltered() {
        return filtered.get();
    }

    @Override
    public long getDelayMillis() {
        return delayMillis;
    }

    @Override
    public void close() {
        if (registeredAs != null) {
            JmxBeans.unregisterQuietly(registeredAs);
            registeredAs = null;
        }
    }
}
