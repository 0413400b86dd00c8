package io.mysqlmigrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mysqlmigrate.sink.metrics.SinkTaskMetrics;
import io.mysqlmigrate.source.metrics.SourceTaskMetrics;
import io.mysqlmigrate.source.phase.MigrationPhase;
import io.prometheus.jmx.JmxCollector;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * docs/monitoring/jmx-exporter.yml, run by the JMX exporter's own collector over beans named as the real ones are: the
 * source task's metrics bean itself, Kafka's JmxReporter for Connect's and the consumer's metrics, and beans named like
 * Debezium's. And every metric the alerting rules (docs/monitoring/alerts.yml) use is one the exporter produces.
 */
class JmxExporterRulesTest {

    private static final Path MONITORING = ScenarioFiles.DOCS_DIR.resolve("monitoring");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final List<AutoCloseable> registered = new ArrayList<>();

    /** Beans named as Debezium 3.5 names its binlog connectors' metrics. */
    public interface StreamingMXBean {
        long getMilliSecondsBehindSource();

        boolean isConnected();

        long getTotalNumberOfEventsSeen();
    }

    public interface SnapshotMXBean {
        boolean getSnapshotRunning();

        int getRemainingTableCount();
    }

    record Sample(String name, Map<String, String> labels, double value) {
    }

    @AfterEach
    void unregister() throws Exception {
        for (AutoCloseable c : registered) {
            c.close();
        }
    }

    @Test
    void theRulesExportTheSourceDebeziumConnectAndConsumerMetrics() throws Exception {
        SourceTaskMetrics source = new SourceTaskMetrics().register("shop-source");
        registered.add(source);
        source.phase(MigrationPhase.INCREMENTAL);
        source.forwarded(42);
        source.filtered(3);
        source.delayMillis(15);
        source.throttled(70);
        source.binlogConnected();
        source.binlogDisconnected(System.currentTimeMillis() - 42_000);
        source.binlogReconnected();
        source.binlogDisconnected(System.currentTimeMillis() - 42_000);
        SinkTaskMetrics sink = new SinkTaskMetrics().register("shop-sink", "0");
        registered.add(sink);
        sink.recordsApplied(480);
        sink.rowsCommitted("shop.orders", 400);
        sink.rowsCommitted("shop.items", 60);
        sink.ddl("created");
        sink.retried();
        sink.conflict("unique-key-row-replaced", 2);
        sink.throttled(30);
        sink.sourceCommittedAt(System.currentTimeMillis() - 2000);

        register("debezium.mariadb:type=connector-metrics,context=streaming,server=shop", new StreamingMXBean() {
            public long getMilliSecondsBehindSource() {
                return 250;
            }

            public boolean isConnected() {
                return true;
            }

            public long getTotalNumberOfEventsSeen() {
                return 1000;
            }
        }, StreamingMXBean.class);
        register("debezium.mariadb:type=connector-metrics,context=snapshot,server=shop", new SnapshotMXBean() {
            public boolean getSnapshotRunning() {
                return false;
            }

            public int getRemainingTableCount() {
                return 0;
            }
        }, SnapshotMXBean.class);

        Metrics connect = kafkaMetrics("kafka.connect");
        gauge(connect, "connector-failed-task-count", "connect-worker-metrics", 1.0, "connector", "shop-sink");
        gauge(connect, "connector-running-task-count", "connect-worker-metrics", 0.0, "connector", "shop-sink");
        connect.addMetric(name("status", "connector-metrics", "connector", "shop-sink"), (Gauge<String>) (c, now) -> "running");
        connect.addMetric(name("status", "connector-task-metrics", "connector", "shop-sink", "task", "0"),
                (Gauge<String>) (c, now) -> "failed");
        gauge(connect, "total-record-errors", "task-error-metrics", 2.0, "connector", "shop-sink", "task", "0");
        gauge(connect, "sink-record-read-total", "sink-task-metrics", 500.0, "connector", "shop-sink", "task", "0");
        gauge(connect, "put-batch-avg-time-ms", "sink-task-metrics", 12.5, "connector", "shop-sink", "task", "0");
        gauge(connect, "source-record-write-total", "source-task-metrics", 45.0, "connector", "shop-source", "task", "0");
        Metrics consumer = kafkaMetrics("kafka.consumer");
        gauge(consumer, "records-lag", "consumer-fetch-manager-metrics", 7.0,
                "client-id", "connector-consumer-shop-sink-0", "topic", "shop_shop", "partition", "0");
        gauge(consumer, "records-lag", "consumer-fetch-manager-metrics", 9.0,
                "client-id", "connector-consumer-shop-sink-0", "partition", "0", "topic", "shop_crm");
        gauge(consumer, "records-lag-max", "consumer-fetch-manager-metrics", 9.0, "client-id", "connector-consumer-shop-sink-0");

        List<Sample> samples = scrape();
        String text = samples.toString();

        assertEquals(1.0, one(samples, "mysqlmigrate_source_phase", "connector", "shop-source", "phase", "INCREMENTAL"), text);
        assertEquals(42.0, one(samples, "mysqlmigrate_source_records_forwarded_total", "connector", "shop-source"), text);
        assertEquals(3.0, one(samples, "mysqlmigrate_source_records_filtered_total", "connector", "shop-source"), text);
        assertEquals(15.0, one(samples, "mysqlmigrate_source_delay_ms", "connector", "shop-source"), text);
        assertEquals(70.0, one(samples, "mysqlmigrate_source_throttled_ms_total", "connector", "shop-source"), text);
        assertEquals(0.0, one(samples, "mysqlmigrate_source_binlog_connected", "connector", "shop-source"), text);
        assertEquals(42.0, one(samples, "mysqlmigrate_source_binlog_disconnected_seconds", "connector", "shop-source"), 1.0, text);
        assertEquals(1.0, one(samples, "mysqlmigrate_source_binlog_reconnects_total", "connector", "shop-source"), text);
        assertEquals(480.0, one(samples, "mysqlmigrate_sink_recordsapplied_total", "connector", "shop-sink", "task", "0"), text);
        assertEquals(1.0, one(samples, "mysqlmigrate_sink_retries_total", "connector", "shop-sink", "task", "0"), text);
        assertEquals(30.0, one(samples, "mysqlmigrate_sink_throttledmillis_total", "connector", "shop-sink", "task", "0"), text);
        assertEquals(400.0, one(samples, "mysqlmigrate_sink_rows_applied_total", "connector", "shop-sink", "table", "shop.orders"), text);
        assertEquals(60.0, one(samples, "mysqlmigrate_sink_rows_applied_total", "connector", "shop-sink", "table", "shop.items"), text);
        assertEquals(1.0, one(samples, "mysqlmigrate_sink_ddl_total", "connector", "shop-sink", "outcome", "created"), text);
        assertEquals(2.0, one(samples, "mysqlmigrate_sink_conflicts_total", "connector", "shop-sink", "how", "unique-key-row-replaced"), text);
        double sinkDelay = one(samples, "mysqlmigrate_sink_delay_ms", "connector", "shop-sink", "task", "0");
        assertTrue(sinkDelay >= 2000 && sinkDelay < 60_000, text);
        assertEquals(250.0, one(samples, "debezium_streaming_millisecondsbehindsource", "flavour", "mariadb", "server", "shop"), text);
        assertEquals(1.0, one(samples, "debezium_streaming_connected", "server", "shop"), text);
        assertEquals(0.0, one(samples, "debezium_snapshot_remainingtablecount", "server", "shop"), text);
        assertEquals(1.0, one(samples, "kafka_connect_connector_tasks", "connector", "shop-sink", "state", "failed"), text);
        assertEquals(0.0, one(samples, "kafka_connect_connector_tasks", "connector", "shop-sink", "state", "running"), text);
        assertEquals(1.0, one(samples, "kafka_connect_connector_status", "connector", "shop-sink", "status", "running"), text);
        assertEquals(1.0, one(samples, "kafka_connect_task_status", "connector", "shop-sink", "task", "0", "status", "failed"), text);
        assertEquals(2.0, one(samples, "kafka_connect_task_errors_total_record_errors", "connector", "shop-sink", "task", "0"), text);
        assertEquals(500.0, one(samples, "kafka_connect_sink_task_sink_record_read_total", "connector", "shop-sink"), text);
        assertEquals(12.5, one(samples, "kafka_connect_sink_task_put_batch_avg_time_ms", "connector", "shop-sink"), text);
        assertEquals(45.0, one(samples, "kafka_connect_source_task_source_record_write_total", "connector", "shop-source"), text);
        assertEquals(7.0, one(samples, "kafka_connect_sink_records_lag", "connector", "shop-sink", "task", "0", "topic", "shop_shop",
                "partition", "0"), "either order of the topic and partition tags: " + text);
        assertEquals(9.0, one(samples, "kafka_connect_sink_records_lag", "connector", "shop-sink", "topic", "shop_crm"), text);
        assertEquals(9.0, one(samples, "kafka_connect_sink_records_lag_max", "connector", "shop-sink", "task", "0"), text);

        Set<String> exported = new TreeSet<>();
        samples.forEach(s -> exported.add(s.name()));
        JsonNode alerts = new ObjectMapper(new YAMLFactory()).readTree(MONITORING.resolve("alerts.yml").toFile());
        Pattern metric = Pattern.compile("\\b((?:mysqlmigrate|kafka_connect|debezium)_[a-z0-9_]+)\\b");
        int alertCount = 0;
        for (JsonNode group : alerts.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                alertCount++;
                String expr = rule.path("expr").asText();
                Matcher m = metric.matcher(expr);
                assertTrue(m.find(), rule.path("alert").asText() + " uses an exported metric: " + expr);
                m.reset();
                while (m.find()) {
                    assertTrue(exported.contains(m.group(1)), rule.path("alert").asText() + " uses " + m.group(1)
                            + ", which the rules do not export: " + exported);
                }
            }
        }
        assertTrue(alertCount >= 4, "alerts on failed tasks, delay, lag and disconnection");
        connect.close();
        consumer.close();
    }

    @Test
    void anUnrelatedBeanIsNotExported() throws Exception {
        Metrics other = kafkaMetrics("kafka.producer");
        gauge(other, "record-send-rate", "producer-metrics", 5.0, "client-id", "p-1");
        List<Sample> samples = scrape();
        assertFalse(samples.stream().anyMatch(s -> s.labels().containsValue("p-1")), samples.toString());
        other.close();
    }

    private List<Sample> scrape() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        new JmxCollector(MONITORING.resolve("jmx-exporter.yml").toFile()).register(registry);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PrometheusTextFormatWriter(false).write(out, registry.scrape());
        List<Sample> samples = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (line.startsWith("#") || !m.matches() || m.group(1).startsWith("jmx_")) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return samples;
    }

    /** The value of the one sample with this name and these labels (others may be present). */
    private static double one(List<Sample> samples, String name, String... labels) {
        List<Sample> found = samples.stream().filter(s -> s.name().equals(name)).filter(s -> {
            for (int i = 0; i < labels.length; i += 2) {
                if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                    return false;
                }
            }
            return true;
        }).toList();
        assertEquals(1, found.size(), name + " " + String.join(",", labels) + " in " + samples);
        return found.get(0).value();
    }

    private <T> void register(String objectName, T bean, Class<T> type) throws Exception {
        ObjectName name = new ObjectName(objectName);
        server.registerMBean(new javax.management.StandardMBean(bean, type, true), name);
        registered.add(() -> server.unregisterMBean(name));
    }

    /** Metrics reported to JMX under the domain, as Connect and the clients report theirs. */
    private static Metrics kafkaMetrics(String domain) {
        return new Metrics(new MetricConfig(), List.of(new JmxReporter()), Time.SYSTEM, new KafkaMetricsContext(domain));
    }

    private static void gauge(Metrics metrics, String name, String group, double value, String... tags) {
        metrics.addMetric(name(name, group, tags), (Measurable) (config, now) -> value);
    }

    private static MetricName name(String name, String group, String... tags) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < tags.length; i += 2) {
            map.put(tags[i], tags[i + 1]);
        }
        return new MetricName(name, group, "", map);
    }
}
