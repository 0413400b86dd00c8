package io.mysqlmigrate.converter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Wire compatibility with Kafka's JsonConverter, both ways, on Debezium-shaped records and every Connect type. */
class SchemaCachingJsonConverterTest {

    private static final Schema SOURCE = SchemaBuilder.struct().name("io.debezium.connector.mariadb.Source")
            .field("db", Schema.STRING_SCHEMA).field("table", Schema.OPTIONAL_STRING_SCHEMA).field("pos", Schema.INT64_SCHEMA)
            .field("snapshot", SchemaBuilder.string().optional().defaultValue("false").build()).build();
    private static final Schema ROW = SchemaBuilder.struct().name("shop.t.Value").optional()
            .field("id", Schema.INT64_SCHEMA)
            .field("tiny", Schema.OPTIONAL_INT8_SCHEMA).field("small", Schema.OPTIONAL_INT16_SCHEMA).field("int", Schema.OPTIONAL_INT32_SCHEMA)
            .field("f", Schema.OPTIONAL_FLOAT32_SCHEMA).field("d", Schema.OPTIONAL_FLOAT64_SCHEMA).field("b", Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .field("s", Schema.OPTIONAL_STRING_SCHEMA).field("bytes", Schema.OPTIONAL_BYTES_SCHEMA)
            .field("dec", Decimal.builder(6).optional().build())
            .field("micros", SchemaBuilder.int64().name("io.debezium.time.MicroTimestamp").optional().build())
            .field("date", Date.builder().optional().build()).field("ts", Timestamp.builder().optional().build())
            .field("with_default", SchemaBuilder.string().optional().defaultValue("dflt").build())
            .field("list", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
            .field("smap", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).optional().build())
            .field("imap", SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.STRING_SCHEMA).optional().build())
            .build();
    private static final Schema ENVELOPE = SchemaBuilder.struct().name("shop.t.Envelope")
            .field("before", ROW).field("after", ROW).field("source", SOURCE).field("op", Schema.STRING_SCHEMA).build();

    private static Struct fullRow() {
        Map<String, Integer> smap = new LinkedHashMap<>();
        smap.put("a", 1);
        Map<Integer, String> imap = new LinkedHashMap<>();
        imap.put(7, "seven");
        return new Struct(ROW).put("id", Long.MAX_VALUE).put("tiny", (byte) -128).put("small", (short) 32767).put("int", -1)
                .put("f", 3.4028235e38f).put("d", 4.9e-324).put("b", true).put("s", "Zoë 😀 \"quoted\" \\ \n")
                .put("bytes", new byte[] {0, -1, 0}).put("dec", new BigDecimal("-123456789012345.123456"))
                .put("micros", -1L).put("date", new java.util.Date(86_400_000L * 3)).put("ts", new java.util.Date(1_700_000_000_123L))
                .put("with_default", "given").put("list", List.of("x", "y")).put("smap", smap).put("imap", imap);
    }

    private static Stream<Struct> envelopes() {
        Struct source = new Struct(SOURCE).put("db", "shop").put("table", "t").put("pos", 4L).put("snapshot", "true");
        Struct nulls = new Struct(ROW).put("id", 1L); // every optional field null, with_default too
        return Stream.of(
                new Struct(ENVELOPE).put("after", fullRow()).put("source", source).put("op", "c"),
                new Struct(ENVELOPE).put("before", fullRow()).put("source", source).put("op", "d"),
                new Struct(ENVELOPE).put("after", nulls).put("source", source).put("op", "r"));
    }

    private static JsonConverter stock() {
        JsonConverter c = new JsonConverter();
        c.configure(Map.of("replace.null.with.default", "false"), false);
        return c;
    }

    private static SchemaCachingJsonConverter ours() {
        SchemaCachingJsonConverter c = new SchemaCachingJsonConverter();
        c.configure(Map.of(), false);
        return c;
    }

    @ParameterizedTest
    @MethodSource("envelopes")
    void whatWeWriteJsonConverterReadsAndTheOtherWayRound(Struct value) throws Exception {
        byte[] ourBytes = ours().fromConnectData("t", ENVELOPE, value);
        byte[] theirBytes = stock().fromConnectData("t", ENVELOPE, value);
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(mapper.readTree(theirBytes), mapper.readTree(ourBytes), "the same JSON document");
        assertEquals(value, stock().toConnectData("t", ourBytes).value());
        assertEquals(value, ours().toConnectData("t", theirBytes).value());
        assertEquals(value, ours().toConnectData("t", ourBytes).value());
    }

    @ParameterizedTest
    @MethodSource("envelopes")
    void theCachedSchemaIsWrittenTheSameForEveryRecord(Struct value) throws Exception {
        SchemaCachingJsonConverter c = ours();
        byte[] first = c.fromConnectData("t", ENVELOPE, value);
        byte[] again = c.fromConnectData("t", ENVELOPE, value);
        assertArrayEquals(first, again);
        assertEquals(new ObjectMapper().readTree(stock().fromConnectData("t", ENVELOPE, value)), new ObjectMapper().readTree(again));
    }

    @Test
    void aNullFieldWithADefaultStaysNull() {
        Struct row = new Struct(ROW).put("id", 1L);
        Struct value = new Struct(ENVELOPE).put("after", row).put("source",
                new Struct(SOURCE).put("db", "d").put("pos", 1L)).put("op", "c");
        SchemaCachingJsonConverter c = ours();
        Struct back = (Struct) c.toConnectData("t", c.fromConnectData("t", ENVELOPE, value)).value();
        assertNull(back.getStruct("after").getWithoutDefault("with_default"));
    }

    @Test
    void aSchemaIsParsedOnceAndSharedByLaterRecords() {
        SchemaCachingJsonConverter c = ours();
        Struct value = envelopes().findFirst().orElseThrow();
        SchemaAndValue first = c.toConnectData("t", stock().fromConnectData("t", ENVELOPE, value));
        SchemaAndValue second = c.toConnectData("t", stock().fromConnectData("t", ENVELOPE, value));
        assertSame(first.schema(), second.schema());
    }

    @Test
    void aRecentlySeenSchemaIsRecognisedByItsBytesAndTheResultIsTheSame() {
        SchemaCachingJsonConverter c = ours();
        List<Struct> values = envelopes().toList();
        for (int round = 0; round < 3; round++) { // the first round parses each schema, later ones compare bytes
            for (Struct value : values) {
                byte[] bytes = stock().fromConnectData("t", ENVELOPE, value);
                assertEquals(value, c.toConnectData("t", bytes).value());
                byte[] spaced = (new String(bytes, StandardCharsets.UTF_8) + " \n").getBytes(StandardCharsets.UTF_8);
                assertEquals(value, c.toConnectData("t", spaced).value(), "trailing whitespace");
                String text = new String(bytes, StandardCharsets.UTF_8);
                byte[] extra = (text.substring(0, text.length() - 1) + ",\"extra\":1}").getBytes(StandardCharsets.UTF_8);
                assertEquals(value, c.toConnectData("t", extra).value(), "a field after the payload: read by the full parse");
            }
        }
        Struct other = new Struct(SchemaBuilder.struct().name("x").field("a", Schema.INT32_SCHEMA).build()).put("a", 7);
        assertEquals(other, c.toConnectData("t", stock().fromConnectData("t", other.schema(), other)).value(), "a new schema");
    }

    @Test
    void tombstonesAndSchemalessInputFollowJsonConverter() {
        SchemaCachingJsonConverter c = ours();
        assertNull(c.fromConnectData("t", null, null));
        assertEquals(SchemaAndValue.NULL, c.toConnectData("t", null));
        SchemaAndValue plain = c.toConnectData("t", "{\"payload\":5,\"schema\":{\"type\":\"int32\"}}".getBytes(StandardCharsets.UTF_8));
        assertEquals(5, plain.value(), "fields in another order go to JsonConverter");
    }

    @Test
    void decimalsCanTravelAsNumbers() {
        SchemaCachingJsonConverter c = new SchemaCachingJsonConverter();
        c.configure(Map.of("decimal.format", "NUMERIC"), false);
        Schema dec = Decimal.schema(2);
        byte[] bytes = c.fromConnectData("t", dec, new BigDecimal("12.50"));
        assertEquals("{\"schema\":{\"type\":\"bytes\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Decimal\","
                + "\"version\":1,\"parameters\":{\"scale\":\"2\"}},\"payload\":12.50}", new String(bytes, StandardCharsets.UTF_8));
        assertEquals(new BigDecimal("12.50"), c.toConnectData("t", bytes).value());
    }

    @Test
    void aRequiredFieldWithoutValueIsAnError() {
        byte[] bytes = "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"field\":\"id\",\"type\":\"int32\",\"optional\":false}],\"optional\":false},\"payload\":{}}"
                .getBytes(StandardCharsets.UTF_8);
        assertThrows(DataException.class, () -> ours().toConnectData("t", bytes));
    }

    @Test
    void bytesSurviveExactly() {
        byte[] raw = new byte[256];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) i;
        }
        SchemaCachingJsonConverter c = ours();
        assertArrayEquals(raw, (byte[]) c.toConnectData("t", c.fromConnectData("t", Schema.BYTES_SCHEMA, raw)).value());
    }

    @Test
    void aRequiredFieldLeftOutOrNullIsStillRefused() {
        String schema = "{\"type\":\"struct\",\"optional\":false,\"fields\":[{\"field\":\"id\",\"type\":\"int32\",\"optional\":false},"
                + "{\"field\":\"note\",\"type\":\"string\",\"optional\":true}]}";
        byte[] missing = ("{\"schema\":" + schema + ",\"payload\":{\"note\":\"x\"}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] nulled = ("{\"schema\":" + schema + ",\"payload\":{\"id\":null,\"note\":\"x\"}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThrows(DataException.class, () -> ours().toConnectData("t", missing));
        assertThrows(DataException.class, () -> ours().toConnectData("t", nulled));
        byte[] fine = ("{\"schema\":" + schema + ",\"payload\":{\"id\":7}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        org.apache.kafka.connect.data.Struct s = (org.apache.kafka.connect.data.Struct) ours().toConnectData("t", fine).value();
        assertEquals(7, s.getInt32("id"));
        assertEquals(null, s.getString("note"));
        s.validate();
    }

    /**
     * One converter writes record after record through the same buffer and generator: each record's bytes must be
     * exactly what a fresh converter writes for it (no bytes of the record before, no separator between root values),
     * also after a record far larger than the buffer it kept.
     */
    @Test
    void recordAfterRecordIsWrittenAsIfByAFreshConverter() throws Exception {
        SchemaCachingJsonConverter reused = ours();
        Struct source = new Struct(SOURCE).put("db", "shop").put("table", "t").put("pos", 4L).put("snapshot", "true");
        String big = "x".repeat(3 * EnvelopeEncoder.KEPT_CAPACITY);
        List<Struct> sequence = new java.util.ArrayList<>(envelopes().toList());
        sequence.add(new Struct(ENVELOPE).put("after", new Struct(ROW).put("id", 2L).put("s", big)).put("source", source).put("op", "c"));
        sequence.add(new Struct(ENVELOPE).put("after", new Struct(ROW).put("id", 3L).put("s", "small")).put("source", source).put("op", "u"));
        sequence.addAll(envelopes().toList());
        ObjectMapper mapper = new ObjectMapper();
        for (Struct value : sequence) {
            byte[] bytes = reused.fromConnectData("t", ENVELOPE, value);
            assertArrayEquals(ours().fromConnectData("t", ENVELOPE, value), bytes, "record " + value.getStruct("after"));
            assertEquals(mapper.readTree(stock().fromConnectData("t", ENVELOPE, value)), mapper.readTree(bytes));
            assertEquals(value, stock().toConnectData("t", bytes).value());
        }
        assertArrayEquals(ours().fromConnectData("t", Schema.STRING_SCHEMA, "k"), reused.fromConnectData("t", Schema.STRING_SCHEMA, "k"));
    }

    /** A record refused half-way through its JSON must not leave its start in front of the next record's bytes. */
    @Test
    void aRecordRefusedHalfWayLeavesNothingForTheNext() {
        SchemaCachingJsonConverter c = ours();
        Struct source = new Struct(SOURCE).put("db", "shop").put("table", "t").put("pos", 4L);
        Struct good = new Struct(ENVELOPE).put("after", fullRow()).put("source", source).put("op", "c");
        Struct other = new Struct(ENVELOPE).put("after", fullRow()).put("source", source).put("op", "c");
        other.getStruct("after").put("s", "another value");
        // op is required: written last, so the refusal comes after most of the envelope is in the buffer
        Struct refused = new Struct(ENVELOPE).put("after", fullRow()).put("source", source);
        assertThrows(DataException.class, () -> c.fromConnectData("t", ENVELOPE, refused));
        assertArrayEquals(ours().fromConnectData("t", ENVELOPE, good), c.fromConnectData("t", ENVELOPE, good));
        assertArrayEquals(ours().fromConnectData("t", ENVELOPE, other), c.fromConnectData("t", ENVELOPE, other));
    }
}
