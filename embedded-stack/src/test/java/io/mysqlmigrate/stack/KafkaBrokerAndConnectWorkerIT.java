package io.mysqlmigrate.stack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts a real KRaft Kafka broker and a real Connect distributed worker (child JVMs), the worker with an empty plugin dir. */
class KafkaBrokerAndConnectWorkerIT {
    private static final String FILE_SOURCE = "org.apache.kafka.connect.file.FileStreamSourceConnector";

    @TempDir
    static Path baseDir;
    private static KafkaBroker broker;
    private static ConnectWorker worker;
    private static ConnectRestClient rest;

    @BeforeAll
    static void start() throws Exception {
        long begin = System.nanoTime();
        broker = KafkaBroker.start(new KafkaBroker.Options().baseDir(baseDir.resolve("kafka")));
        long brokerMs = (System.nanoTime() - begin) / 1_000_000;
        Path plugins = Files.createDirectories(baseDir.resolve("plugins"));
        begin = System.nanoTime();
        worker = ConnectWorker.start(new ConnectWorker.Options().baseDir(baseDir.resolve("connect"))
                .bootstrapServers(broker.bootstrapServers()).pluginPath(plugins).groupId("it-connect"));
        long workerMs = (System.nanoTime() - begin) / 1_000_000;
        rest = new ConnectRestClient(worker.restUrl());
        System.out.printf("[measure] broker start incl. format %d ms (RSS %s), worker start %d ms (RSS %s)%n",
                brokerMs, Rss.of(broker.pid()), workerMs, Rss.of(worker.pid()));
    }

    @AfterAll
    static void stop() {
        long begin = System.nanoTime();
        if (worker != null) {
            long pid = worker.pid();
            ConnectWorker.stopFromDirectory(worker.baseDir()); // as the local run stops a detached worker
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            worker.close(); // nothing left to stop
        }
        long workerMs = (System.nanoTime() - begin) / 1_000_000;
        begin = System.nanoTime();
        if (broker != null) {
            broker.close();
            assertFalse(broker.isRunning());
        }
        System.out.printf("[measure] worker stop %d ms, broker stop %d ms%n", workerMs,
                (System.nanoTime() - begin) / 1_000_000);
    }

    @Test
    void brokerCarriesARecordFromProducerToConsumer() throws Exception {
        assertNotEquals(broker.port(), broker.controllerPort());
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
            producer.send(new ProducerRecord<>("it-topic", "key", "välue")).get();
        }
        assertEquals(List.of("välue"), consume("it-topic", v -> true));
    }

    /** Reads the topic from the beginning until a value matches {@code last} (30 s at most). */
    private static List<String> consume(String topic, java.util.function.Predicate<String> last) {
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "it-group-" + topic);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps)) {
            consumer.subscribe(List.of(topic));
            await("the awaited value on " + topic).atMost(Duration.ofSeconds(30))
                    .pollInSameThread() // the consumer is used by one thread at a time; its poll below does the waiting
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                    .until(() -> {
                        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                        records.forEach(record -> values.add(record.value()));
                        return List.copyOf(values);
                    }, arrived -> arrived.stream().anyMatch(last));
        }
        return values;
    }

    @Test
    void workerListsAndValidatesABuiltInConnector() {
        assertTrue(rest.connectorPlugins().contains(FILE_SOURCE), rest.connectorPlugins().toString());
        JsonNode answer = rest.validate(FILE_SOURCE, Map.of("name", "v", "topic", "t", "file", "/dev/null"));
        assertEquals(FILE_SOURCE, answer.path("name").asText());
        assertEquals(0, answer.path("error_count").asInt(), answer.toString());
        JsonNode invalid = rest.validate(FILE_SOURCE, Map.of("name", "v", "batch.size", "not-a-number"));
        assertTrue(invalid.path("error_count").asInt() > 0, invalid.toString());
        ConnectRestException e = assertThrows(ConnectRestException.class, () -> rest.status("does-not-exist"));
        assertEquals(404, e.status());
        assertFalse(rest.delete("does-not-exist"));
    }

    /** The worker runs the collector ConnectWorker chooses (the throughput collector), seen from inside it over JMX. */
    @Test
    void workerRunsTheParallelCollector() throws Exception {
        try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(worker.jmxUrl()))) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            Set<String> collectors = new TreeSet<>();
            for (ObjectName name : server.queryNames(new ObjectName(ManagementFactory.GARBAGE_COLLECTOR_MXBEAN_DOMAIN_TYPE + ",*"), null)) {
                collectors.add(name.getKeyProperty("name"));
            }
            assertEquals(Set.of("PS MarkSweep", "PS Scavenge"), collectors, "the collectors of " + ConnectWorker.GARBAGE_COLLECTOR);
        }
    }

    @Test
    void connectorSurvivesAWorkerKillAndRestart() throws Exception {
        Path input = Files.writeString(baseDir.resolve("input.txt"), "line one\n", StandardCharsets.UTF_8);
        String name = "file source";
        rest.createOrUpdate(name, Map.of("connector.class", FILE_SOURCE, "tasks.max", "1", "file", input.toString(),
                "topic", "file-lines"));
        ConnectorStatus status = rest.waitUntilRunning(name, Duration.ofSeconds(30));
        assertEquals(1, status.tasks().size());
        assertEquals(name, status.name());
        rest.pause(name);
        waitForState(name, "PAUSED");
        rest.resume(name);
        rest.waitUntilRunning(name, Duration.ofSeconds(30));

        long pid = worker.pid();
        worker.kill();
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        long begin = System.nanoTime();
        worker.restart();
        long readyMs = (System.nanoTime() - begin) / 1_000_000;
        assertNotEquals(pid, worker.pid());
        assertTrue(rest.connectors().contains(name));
        rest.waitUntilRunning(name, Duration.ofSeconds(60));
        // The task really runs again on the restarted worker: a new line reaches the topic.
        Files.writeString(input, "line two\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        // (Line one may come twice: its offset may not have been flushed before the SIGKILL; at least once.)
        List<String> lines = consume("file-lines", v -> v.contains("\"payload\":\"line two\""));
        assertTrue(lines.get(0).contains("\"payload\":\"line one\""), lines.toString());
        System.out.printf("[measure] worker restart after SIGKILL: ready (incl. /health) %d ms, new line consumed %d ms%n",
                readyMs, (System.nanoTime() - begin) / 1_000_000);
        rest.restart(name);
        rest.waitUntilRunning(name, Duration.ofSeconds(30));
        assertTrue(rest.delete(name));
    }

    private static void waitForState(String name, String state) {
        await(name + " reaches " + state).atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> rest.status(name), status -> assertEquals(state, status.state(), () -> name + " not " + state + ": " + status));
    }
}
