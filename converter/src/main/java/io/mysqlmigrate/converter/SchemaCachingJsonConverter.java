package io.mysqlmigrate.converter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
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
 * It writes each schema's JSON once, recognises incoming schemas by their bytes and streams payloads without JSON
 * trees; even so the pipeline measured slower with it than with JsonConverter (bench/README.md), for a reason not
 * found yet.
 */
public final class SchemaCachingJsonConverter implements Converter, Versioned {

    /** No length limit on strings: a LONGTEXT value can exceed Jackson's default of 20 million characters. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build()).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(JSON);

    private final JsonConverter delegate = new JsonConverter();
    private boolean schemasEnabled = true;
    private int cacheSize = JsonConverterConfig.SCHEMAS_CACHE_SIZE_DEFAULT;
    private PayloadWriter writer;
    private PayloadReader reader;
    private Map<Schema, String> schemaJsonByIdentity;
    private Map<Schema, String> schemaJsonBySchema;
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
        schemaJsonByIdentity = new IdentityHashMap<>();
        schemaJsonBySchema = lru();
        schemaByBytes = lru();
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        if (!schemasEnabled || schema == null) {
            return delegate.fromConnectData(topic, schema, value);
        }
        String schemaJson = schemaJson(schema);
        ByteArrayBuilder out = new ByteArrayBuilder(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
            g.writeStartObject();
            g.writeFieldName("schema");
            g.writeRawValue(schemaJson);
            g.writeFieldName("payload");
            writer.write(g, schema, value);
            g.writeEndObject();
        } catch (IOException e) {
            throw new DataException("Converting a record of topic " + topic + " to JSON failed", e);
        }
        return out.toByteArray();
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] bytes) {
        if (bytes == null || !schemasEnabled) {
            return delegate.toConnectData(topic, bytes);
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
     * The JSON of a schema, produced once by JsonConverter itself. Looked up by identity first (cheap), then by
     * equality: a capture may hand over equal schemas as new objects, and regenerating the JSON for each would cost
     * more than JsonConverter's own equality-keyed cache (measured: the pipeline 1.7x slower with an identity-only
     * cache that missed).
     */
    private String schemaJson(Schema schema) {
        String json = schemaJsonByIdentity.get(schema);
        if (json != null) {
            return json;
        }
        json = schemaJsonBySchema.get(schema);
        if (json == null) {
            try {
                json = MAPPER.writeValueAsString(delegate.asJsonSchema(schema));
            } catch (IOException e) {
                throw new DataException("Cannot write the JSON of schema " + schema.name(), e);
            }
            schemaJsonBySchema.put(schema, json);
        }
        if (schemaJsonByIdentity.size() >= Math.max(1, cacheSize)) {
            schemaJsonByIdentity.clear(); // many distinct objects: the equality cache above still holds the JSON
        }
        schemaJsonByIdentity.put(schema, json);
        return json;
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
