package io.mysqlmigrate.e2e;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What actually travelled through Kafka for each table of a database topic, read back from the topic (the worker's
 * JSON converter with schemas): the Connect type of every column as Debezium declared it, and, per row key, the
 * column values of each change event, so a difference can be traced to the capture or to the apply.
 */
final class ObservedChangeEvents {

    private static final int MAX_VALUE_CHARS = 120;
    /** Records reach 64 MB: Jackson's default limit on one string (20 MB) is lifted. */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build()).build());

    /** Column name to its declared Connect type, per table. */
    final Map<String, Map<String, String>> columnTypes = new HashMap<>();
    /** Per table, per key text (key values joined by ','), each event as "op: value" per column. */
    final Map<String, Map<String, List<Map<String, String>>>> eventsByKey = new HashMap<>();

    static ObservedChangeEvents read(String bootstrapServers, String topic) throws IOException {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(64 * 1024 * 1024));
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(64 * 1024 * 1024));
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "200");
        ObservedChangeEvents observed = new ObservedChangeEvents();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        observed.add(record.key() == null ? null : JSON.readTree(record.key()), JSON.readTree(record.value()));
                    }
                }
            }
        }
        return observed;
    }

    private void add(JsonNode key, JsonNode value) {
        JsonNode payload = value.path("payload");
        if (!payload.has("op") || !payload.path("source").has("table")) {
            return;
        }
        String table = payload.path("source").path("table").asText();
        for (JsonNode field : value.path("schema").path("fields")) {
            if (field.path("field").asText().equals("after")) {
                Map<String, String> types = columnTypes.computeIfAbsent(table, t -> new LinkedHashMap<>());
                for (JsonNode column : field.path("fields")) {
                    types.putIfAbsent(column.path("field").asText(), describeType(column));
                }
            }
        }
        String keyText = keyText(key == null ? null : key.path("payload"));
        JsonNode after = payload.path("after");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("op", payload.path("op").asText() + (payload.path("source").path("snapshot").asText("false").equals("false") ? "" : " (snapshot)"));
        if (after.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = after.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                values.put(e.getKey(), shorten(e.getValue().toString()));
            }
        }
        eventsByKey.computeIfAbsent(table, t -> new HashMap<>()).computeIfAbsent(keyText, k -> new ArrayList<>()).add(values);
    }

    /** What Debezium sent for one column of one row, event by event ("r (snapshot) 42; u 43"), or null. */
    String valuesSent(String table, String key, String column) {
        List<Map<String, String>> events = eventsByKey.getOrDefault(table, Map.of()).get(key);
        if (events == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (Map<String, String> event : events) {
            parts.add(event.get("op") + " " + event.getOrDefault(column, "(absent)"));
        }
        return String.join("; ", parts);
    }

    static String keyText(JsonNode keyPayload) {
        if (keyPayload == null || !keyPayload.isObject()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        keyPayload.elements().forEachRemaining(v -> parts.add(v.isNull() ? "NULL" : v.asText()));
        return String.join(",", parts);
    }

    /** "int64", "io.debezium.time.MicroTime (int64)", "org.apache.kafka.connect.data.Decimal (bytes, scale 30)". */
    static String describeType(JsonNode column) {
        String type = column.path("type").asText();
        if (!column.has("name")) {
            return type;
        }
        StringBuilder s = new StringBuilder(column.path("name").asText()).append(" (").append(type);
        JsonNode parameters = column.path("parameters");
        for (String parameter : List.of("scale", "length")) {
            if (parameters.has(parameter)) {
                s.append(", ").append(parameter).append(' ').append(parameters.path(parameter).asText());
            }
        }
        return s.append(')').toString();
    }

    private static String shorten(String text) {
        if (text.length() <= MAX_VALUE_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_VALUE_CHARS - 1)) ? MAX_VALUE_CHARS - 1 : MAX_VALUE_CHARS;
        return text.substring(0, end) + "... (" + text.length() + " chars)";
    }
}
