package io.mysqlmigrate.converter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.ConverterConfig;
import org.apache.kafka.connect.storage.ConverterType;

/**
 * Kafka's JSON envelope ({@code {"schema": ..., "payload": ...}}, as JsonConverter writes it with schemas enabled).
 * What it writes, JsonConverter reads, and the other way round: the topics stay standard for every other consumer;
 * schema JSON and schema parsing are JsonConverter's own. It differs where a migration needs it to:
 * <ul>
 *   <li>a value of any length is read (JsonConverter's Jackson refuses strings over 20 million characters, which a
 *       16 MB BLOB in base64 exceeds);</li>
 *   <li>a null stays null even when the field has a default ({@code replace.null.with.default=false}): a migration
 *       must not turn a NULL column into its DEFAULT.</li>
 * </ul>
 * It writes each schema's JSON once, recognises the schemas of incoming messages by comparing bytes with recently
 * seen ones (the schema is most of a Debezium message, and tokenizing it was the largest cost of the sink's thread)
 * and streams payloads without JSON trees.
 */
public final class SchemaCachingJsonConverter implements Converter, Versioned {

    /** No length limit on strings: a LONGTEXT value can exceed Jackson's default of 20 million characters. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build()).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(JSON);

    private static final byte[] SCHEMA_PREFIX = "{\"schema\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] PAYLOAD_INFIX = ",\"payload\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** How many recently seen schemas the fast path compares against (a topic carries a few: one per table, DDL, BEGIN/END). */
    private static final int RECENT_SCHEMAS = 16;

    private final JsonConverter delegate = new JsonConverter();
    private final SchemaBytes[] recent = new SchemaBytes[RECENT_SCHEMAS];
    private final Schema[] recentSchemas = new Schema[RECENT_SCHEMAS];
    private boolean schemasEnabled = true;
    private int cacheSize = JsonConverterConfig.SCHEMAS_CACHE_SIZE_DEFAULT;
    private PayloadWriter writer;
    private final EnvelopeEncoder encoder = new EnvelopeEncoder(JSON);
    private PayloadReader reader;
    private Map<Schema, byte[]> envelopeHeadByIdentity;
    private Map<Schema, byte[]> envelopeHeadBySchema;
    private Map<SchemaBytes, Schema> schemaByBytes;

    @Override
    public String version() {
        String v = SchemaCachingJsonConverter.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }

    public ConfigDef config() {
        return JsonConverterConfig.configDef();
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> settings = new HashMap<>(configs);
        settings.putIfAbsent(JsonConverterConfig.REPLACE_NULL_WITH_DEFAULT_CONFIG, false);
        delegate.configure(settings, isKey);
        settings.put(ConverterConfig.TYPE_CONFIG, (isKey ? ConverterType.KEY : ConverterType.VALUE).getName());
        JsonConverterConfig config = new JsonConverterConfig(settings);
        schemasEnabled = config.schemasEnabled();
        cacheSize = config.schemaCacheSize();
        boolean decimalsAsNumbers = "NUMERIC".equalsIgnoreCase(String.valueOf(settings.getOrDefault(
                JsonConverterConfig.DECIMAL_FORMAT_CONFIG, JsonConverterConfig.DECIMAL_FORMAT_DEFAULT)));
        boolean replaceNull = config.replaceNullWithDefault();
        writer = new PayloadWriter(decimalsAsNumbers, replaceNull);
        reader = new PayloadReader(replaceNull);
        envelopeHeadByIdentity = new IdentityHashMap<>();
        envelopeHeadBySchema = lru();
        schemaByBytes = lru();
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        if (!schemasEnabled || schema == null) {
            return delegate.fromConnectData(topic, schema, value);
        }
        byte[] head = envelopeHead(schema);
        try {
            return encoder.encode(head, g -> writer.write(g, schema, value), (byte) '}');
        } catch (IOException e) {
            throw new DataException("Converting a record of topic " + topic + " to JSON failed", e);
        }
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] bytes) {
        if (bytes == null || !schemasEnabled) {
            return delegate.toConnectData(topic, bytes);
        }
        try {
            SchemaAndValue known = readWithKnownSchema(bytes);
            if (known != null) {
                return known;
            }
        } catch (IOException | RuntimeException e) {
            // not the compact envelope after all: the full parse below reads it or says what is wrong
        }
        try (JsonParser p = JSON.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME || !"schema".equals(p.currentName())) {
                return delegate.toConnectData(topic, bytes); // not an envelope in JsonConverter's order: its own rules apply
            }
            JsonToken schemaStart = p.nextToken();
            if (schemaStart != JsonToken.START_OBJECT) {
                return delegate.toConnectData(topic, bytes);
            }
            int from = (int) p.currentTokenLocation().getByteOffset();
            p.skipChildren();
            int to = (int) p.currentLocation().getByteOffset();
            Schema schema = schema(bytes, from, to);
            remember(bytes, from, to, schema);
            if (p.nextToken() != JsonToken.FIELD_NAME || !"payload".equals(p.currentName())) {
                return delegate.toConnectData(topic, bytes);
            }
            p.nextToken();
            Object value = reader.read(p, schema);
            return new SchemaAndValue(schema, value);
        } catch (IOException e) {
            throw new DataException("Converting a record of topic " + topic + " from JSON failed: " + e.getMessage(), e);
        }
    }

    /**
     * What precedes a payload, {@code {"schema":S,"payload":}}, with the JSON S of the schema produced once by
     * JsonConverter itself. Looked up by identity first (cheap), then by equality: a capture may hand over equal
     * schemas as new objects, and regenerating the JSON for each would cost more than JsonConverter's own
     * equality-keyed cache (measured: the pipeline 1.7x slower with an identity-only cache that missed).
     */
    private byte[] envelopeHead(Schema schema) {
        byte[] json = envelopeHeadByIdentity.get(schema);
        if (json != null) {
            return json;
        }
        json = envelopeHeadBySchema.get(schema);
        if (json == null) {
            try {
                byte[] schemaJson = MAPPER.writeValueAsBytes(delegate.asJsonSchema(schema));
                json = new byte[SCHEMA_PREFIX.length + schemaJson.length + PAYLOAD_INFIX.length];
                System.arraycopy(SCHEMA_PREFIX, 0, json, 0, SCHEMA_PREFIX.length);
                System.arraycopy(schemaJson, 0, json, SCHEMA_PREFIX.length, schemaJson.length);
                System.arraycopy(PAYLOAD_INFIX, 0, json, SCHEMA_PREFIX.length + schemaJson.length, PAYLOAD_INFIX.length);
            } catch (IOException e) {
                throw new DataException("Cannot write the JSON of schema " + schema.name(), e);
            }
            envelopeHeadBySchema.put(schema, json);
        }
        if (envelopeHeadByIdentity.size() >= Math.max(1, cacheSize)) {
            envelopeHeadByIdentity.clear(); // many distinct objects: the equality cache above still holds the JSON
        }
        envelopeHeadByIdentity.put(schema, json);
        return json;
    }

    /**
     * The fast path for the compact envelope JsonConverter and this converter write, {@code {"schema":S,"payload":P}}
     * with a schema S seen recently: S is recognised by comparing bytes (no tokenizing of the schema, which is most
     * of each message) and only P is parsed. Null when the message is not of that form or S is new.
     */
    private SchemaAndValue readWithKnownSchema(byte[] bytes) throws IOException {
        if (!startsWith(bytes, 0, SCHEMA_PREFIX)) {
            return null;
        }
        int from = SCHEMA_PREFIX.length;
        for (int i = 0; i < recent.length && recent[i] != null; i++) {
            SchemaBytes candidate = recent[i];
            int to = from + candidate.bytes.length;
            if (to + PAYLOAD_INFIX.length < bytes.length && Arrays.equals(bytes, from, to, candidate.bytes, 0, candidate.bytes.length)
                    && startsWith(bytes, to, PAYLOAD_INFIX)) {
                int end = bytes.length;
                while (end > 0 && Character.isWhitespace(bytes[end - 1])) {
                    end--;
                }
                if (end == 0 || bytes[end - 1] != '}') {
                    return null;
                }
                int payload = to + PAYLOAD_INFIX.length;
                Schema schema = recentSchemas[i];
                try (JsonParser p = JSON.createParser(bytes, payload, end - 1 - payload)) {
                    p.nextToken();
                    Object value = reader.read(p, schema);
                    if (p.nextToken() != null) {
                        return null; // something follows the payload: let the full parse decide
                    }
                    if (i > 0) { // most recent first
                        System.arraycopy(recent, 0, recent, 1, i);
                        System.arraycopy(recentSchemas, 0, recentSchemas, 1, i);
                        recent[0] = candidate;
                        recentSchemas[0] = schema;
                    }
                    return new SchemaAndValue(schema, value);
                }
            }
        }
        return null;
    }

    /** Keeps a schema's bytes among the recent ones the fast path compares against. */
    private void remember(byte[] bytes, int from, int to, Schema schema) {
        if (from != SCHEMA_PREFIX.length) {
            return;
        }
        SchemaBytes key = new SchemaBytes(bytes, from, to).detached();
        for (SchemaBytes r : recent) {
            if (key.equals(r)) {
                return;
            }
        }
        System.arraycopy(recent, 0, recent, 1, recent.length - 1);
        System.arraycopy(recentSchemas, 0, recentSchemas, 1, recentSchemas.length - 1);
        recent[0] = key;
        recentSchemas[0] = schema;
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        return bytes.length >= at + prefix.length && Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
    }

    /** The Connect schema whose JSON fills {@code bytes[from, to)}, parsed by JsonConverter the first time only. */
    private Schema schema(byte[] bytes, int from, int to) throws IOException {
        SchemaBytes key = new SchemaBytes(bytes, from, to);
        Schema schema = schemaByBytes.get(key);
        if (schema == null) {
            JsonNode node = MAPPER.readTree(bytes, from, to - from);
            schema = delegate.asConnectSchema(node);
            schemaByBytes.put(key.detached(), schema);
        }
        return schema;
    }

    private <K, V> Map<K, V> lru() {
        int max = Math.max(1, cacheSize);
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        };
    }

    /** A slice of bytes compared by content; hashed once. */
    static final class SchemaBytes {
        private final byte[] bytes;
        private final int from;
        private final int to;
        private final int hash;

        SchemaBytes(byte[] bytes, int from, int to) {
            this.bytes = bytes;
            this.from = from;
            this.to = to;
            int h = 1;
            for (int i = from; i < to; i++) {
                h = 31 * h + bytes[i];
            }
            this.hash = h;
        }

        SchemaBytes detached() {
            return new SchemaBytes(Arrays.copyOfRange(bytes, from, to), 0, to - from);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SchemaBytes other && other.hash == hash
                    && Arrays.equals(bytes, from, to, other.bytes, other.from, other.to);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
