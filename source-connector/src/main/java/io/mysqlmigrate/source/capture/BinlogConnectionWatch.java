package io.mysqlmigrate.source.capture;

import io.mysqlmigrate.connect.JmxBeans;
import io.mysqlmigrate.source.metrics.SourceTaskMetrics;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the binary log reader's connection to the source, so that a lost connection is never silent: the task
 * stays RUNNING in Connect while the reader is disconnected, and only the growing delay would otherwise show it.
 * <p>
 * The state is Debezium's own streaming metric ({@code Connected} and {@code NumberOfDisconnects} of
 * {@code debezium.<flavour>:type=connector-metrics,context=streaming,server=<topic.prefix>}), which reads the binary log
 * client's connection flag: it turns false as soon as the client sees the connection end, whoever ended it. Debezium
 * creates that client inside its task and does not hand it out, so a lifecycle listener of our own could only be
 * attached through Debezium's private fields, which change between releases; the metric is part of Debezium's
 * documented interface and is exported to monitoring anyway. It is read every second, so a loss is logged (WARN, naming
 * the source) within about a second; a loss and reconnection between two reads still shows in the disconnect count.
 */
public final class BinlogConnectionWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BinlogConnectionWatch.class);
    static final long CHECK_EVERY_MS = 1000;
    /** While the connection stays down, the warning is repeated this often. */
    static final long REPEAT_WARNING_MS = 30_000;

    /** The reader's connection as last read; null while Debezium has no streaming metrics registered. */
    public record Reading(boolean connected, long disconnects) {
    }

    /** Reads the connection state. */
    @FunctionalInterface
    public interface Probe {
        Reading read();
    }

    private final Probe probe;
    private final LongSupplier clock;
    private final SourceTaskMetrics metrics;
    private final String source;
    /** The keep-alive setting and its value as the log names them, e.g. {@code binlog.keepalive.interval.ms=5000}. */
    private final String keepAlive;
    private ScheduledExecutorService thread;

    private boolean everConnected;
    private boolean connected;
    private long disconnectedAtMs;
    private long lastWarningMs;
    private long lastDisconnects;

    /**
     * @param source      how the log names the source, e.g. {@code db1:3306 (server 3f2a...)}
     * @param keepAlive   the reader's keep-alive setting and value ({@code binlog.keepalive.interval.ms=5000}), which
     *                    decide how soon it reconnects
     */
    public BinlogConnectionWatch(Probe probe, LongSupplier clock, SourceTaskMetrics metrics, String source, String keepAlive) {
        this.probe = probe;
        this.clock = clock;
        this.metrics = metrics;
        this.source = source;
        this.keepAlive = keepAlive;
    }

    /** Reads Debezium's streaming metrics of this capture in the worker's JVM. */
    public static Probe debeziumStreamingMetrics(String topicPrefix) {
        ObjectName pattern;
        try {
            pattern = JmxBeans.name("debezium.*").plain("type", "connector-metrics").plain("context", "streaming")
                    .plain("server", topicPrefix).pattern();
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("Topic prefix '" + topicPrefix + "' cannot name Debezium's metrics", e);
        }
        return () -> {
            // a bean unregistered between the query and the read is left out: the capture is stopping or restarting
            for (Map<String, Object> bean : JmxBeans.read(pattern, "Connected", "NumberOfDisconnects")) {
                Object disconnects = bean.get("NumberOfDisconnects");
                return new Reading(Boolean.TRUE.equals(bean.get("Connected")), disconnects instanceof Number n ? n.longValue() : 0);
            }
            return null;
        };
    }

    /** Reads the connection every second on a thread of its own. */
    public BinlogConnectionWatch start(String threadName) {
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(() -> {
            try {
                check();
            } catch (RuntimeException e) {
                LOG.warn("Cannot read the binary log connection's state of source {}: {}", source, e.toString());
            }
        }, CHECK_EVERY_MS, CHECK_EVERY_MS, TimeUnit.MILLISECONDS);
        return this;
    }

    /** One reading, compared with the previous one. */
    synchronized void check() {
        Reading r = probe.read();
        long now = clock.getAsLong();
        if (r == null) {
            return; // not streaming yet (snapshot), or Debezium is restarting its capture
        }
        if (!everConnected) {
            if (!r.connected() && r.disconnects() == 0) {
                return; // still connecting for the first time
            }
            // Connected now, or connected and lost already (a disconnect counted) before this first reading: the
            // comparisons below report such a loss like any later one instead of waiting silently for a first connection.
            everConnected = true;
            connected = true;
            lastDisconnects = 0;
            metrics.binlogConnected();
            LOG.info("Reading the binary log of source {}; a lost connection is re-established within 1 to 2 times {} ms",
                    source, keepAlive);
        }
        if (connected && !r.connected()) {
            connected = false;
            disconnectedAtMs = now;
            lastWarningMs = now;
            metrics.binlogDisconnected(now);
            LOG.warn("Lost the binary log connection to source {}: changes made on the source are not read until it is back "
                            + "(the task still shows RUNNING). The reader reconnects by itself within 1 to 2 times {} ms; "
                            + "if it does not, the source is down or unreachable, or refuses the connector's account.",
                    source, keepAlive);
        } else if (!connected && !r.connected()) {
            if (now - lastWarningMs >= REPEAT_WARNING_MS) {
                lastWarningMs = now;
                LOG.warn("Still no binary log connection to source {}, {} s after it was lost; nothing is migrated meanwhile. "
                                + "Check that the source runs and is reachable from this worker and that the connector's account "
                                + "may connect (max_connections, max_user_connections, a locked or changed account).",
                        source, (now - disconnectedAtMs) / 1000);
            }
        } else if (!connected) {
            connected = true;
            metrics.binlogReconnected();
            LOG.info("The binary log connection to source {} is back after {} s (reconnection {} of this task)", source,
                    String.format(java.util.Locale.ROOT, "%.1f", (now - disconnectedAtMs) / 1000.0), metrics.getBinlogReconnects());
        } else if (r.disconnects() > lastDisconnects) {
            metrics.binlogReconnected();
            LOG.warn("The binary log connection to source {} was lost and re-established within a second (reconnection {} of "
                    + "this task)", source, metrics.getBinlogReconnects());
        }
        lastDisconnects = r.disconnects();
    }

    /** Stops watching: the capture is being stopped on purpose. */
    @Override
    public synchronized void close() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
        metrics.binlogNotStreaming();
    }
}
