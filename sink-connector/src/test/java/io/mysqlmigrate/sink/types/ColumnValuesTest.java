package io.mysqlmigrate.sink.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class ColumnValuesTest {

    private static Schema logical(String name, Schema.Type type) {
        return SchemaBuilder.type(type).name(name).optional().build();
    }

    @Test
    void datesKeepYearsBeforeOneThousandAndBefore1970() {
        Schema date = logical("io.debezium.time.Date", Schema.Type.INT32);
        assertEquals("0001-01-01", ColumnValues.toJdbc(date, (int) java.time.LocalDate.of(1, 1, 1).toEpochDay()));
        assertEquals("1969-12-31", ColumnValues.toJdbc(date, -1));
        assertEquals("2024-02-29", ColumnValues.toJdbc(date, (int) java.time.LocalDate.of(2024, 2, 29).toEpochDay()));
    }

    @Test
    void dateTimesKeepMicroseconds() {
        assertEquals("1970-01-01 00:00:01.000001", ColumnValues.toJdbc(logical("io.debezium.time.MicroTimestamp", Schema.Type.INT64), 1_000_001L));
        assertEquals("1969-12-31 23:59:59.999999", ColumnValues.toJdbc(logical("io.debezium.time.MicroTimestamp", Schema.Type.INT64), -1L));
        assertEquals("1970-01-01 00:00:00.123000", ColumnValues.toJdbc(logical("io.debezium.time.Timestamp", Schema.Type.INT64), 123L));
    }

    @Test
    void timestampsAreBoundInUtc() {
        assertEquals("2024-01-01 08:00:00.500000",
                ColumnValues.toJdbc(logical("io.debezium.time.ZonedTimestamp", Schema.Type.STRING), "2024-01-01T10:00:00.5+02:00"));
        assertEquals("2024-01-01 10:00:00.000000",
                ColumnValues.toJdbc(logical("io.debezium.time.ZonedTimestamp", Schema.Type.STRING), "2024-01-01T10:00:00Z"));
    }

    @Test
    void theEpochIsTheZeroTimestampSinceTimestampsStartOneSecondLater() {
        Schema zoned = logical("io.debezium.time.ZonedTimestamp", Schema.Type.STRING);
        assertEquals("0000-00-00 00:00:00", ColumnValues.toJdbc(zoned, "1970-01-01T00:00:00Z"));
        assertEquals("0000-00-00 00:00:00", ColumnValues.toJdbc(zoned, "1970-01-01T05:30:00+05:30"));
        assertEquals("1970-01-01 00:00:01.000000", ColumnValues.toJdbc(zoned, "1970-01-01T00:00:01Z"));
        assertEquals("1970-01-01 00:00:00.000001", ColumnValues.toJdbc(zoned, "1970-01-01T00:00:00.000001Z"));
    }

    @Test
    void timesBeyondADayAndNegativeSurvive() {
        Schema micro = logical("io.debezium.time.MicroTime", Schema.Type.INT64);
        assertEquals("838:59:59.000000", ColumnValues.toJdbc(micro, 838L * 3600_000_000L + 59 * 60_000_000L + 59_000_000L));
        assertEquals("-00:00:01.500000", ColumnValues.toJdbc(micro, -1_500_000L));
        assertEquals("12:34:56.000789", ColumnValues.toJdbc(micro, (12 * 3600 + 34 * 60 + 56) * 1_000_000L + 789));
    }

    @Test
    void yearsStayNumbersAndTheBinaryLogsZeroYearIsZeroAgain() {
        Schema year = logical("io.debezium.time.Year", Schema.Type.INT32);
        assertEquals(1901, ColumnValues.toJdbc(year, 1901));
        assertEquals(2155, ColumnValues.toJdbc(year, 2155));
        assertEquals(0, ColumnValues.toJdbc(year, 1900));
        assertEquals(0, ColumnValues.toJdbc(year, 0));
    }

    @Test
    void mysqlJsonFromTheBinaryLogGetsTheBlanksMySqlPrints() {
        Schema json = SchemaBuilder.string().name("io.debezium.data.Json").optional().build();
        assertEquals("{\"a\": 1, \"b\": [1, 2, {}], \"s\": \"x,y: \\\"q,\\\" z\"}",
                ColumnValues.toJdbc(json, "{\"a\":1,\"b\":[1,2,{}],\"s\":\"x,y: \\\"q,\\\" z\"}"));
        assertEquals("[1, 2, 3]", ColumnValues.toJdbc(json, "[1, 2, 3]"), "the snapshot's text stays as it is");
        assertEquals("\"a,b:c\"", ColumnValues.toJdbc(json, "\"a,b:c\""));
        assertEquals("plain,text", ColumnValues.toJdbc(Schema.OPTIONAL_STRING_SCHEMA, "plain,text"), "only MySQL's JSON");
    }

    @Test
    void bitsTurnBigEndian() {
        Schema bits = SchemaBuilder.bytes().name("io.debezium.data.Bits").optional().build();
        assertEquals(new BigDecimal(0x0102), ColumnValues.toJdbc(bits, new byte[] {0x02, 0x01}));
        assertEquals(new BigDecimal("18446744073709551615"), ColumnValues.toJdbc(bits, new byte[] {-1, -1, -1, -1, -1, -1, -1, -1}),
                "all 64 bits set is 2^64-1, not -1");
        assertEquals(new BigDecimal("9223372036854775809"), ColumnValues.toJdbc(bits, new byte[] {0x01, 0, 0, 0, 0, 0, 0, (byte) 0x80}));
    }

    @Test
    void decimalsAndBytesPassExactly() {
        BigDecimal big = new BigDecimal("18446744073709551615");
        assertEquals(big, ColumnValues.toJdbc(Decimal.schema(0), big));
        assertArrayEquals(new byte[] {0, 1, 0}, (byte[]) ColumnValues.toJdbc(Schema.OPTIONAL_BYTES_SCHEMA, ByteBuffer.wrap(new byte[] {0, 1, 0})));
        assertEquals(1.0000000000000002d, ColumnValues.toJdbc(Schema.FLOAT64_SCHEMA, 1.0000000000000002d));
    }

    @Test
    void nullsStayNull() {
        assertNull(ColumnValues.toJdbc(logical("io.debezium.time.Date", Schema.Type.INT32), null));
    }

    @Test
    void floatsAreWidenedSoTheLargestOneStaysInRange() {
        Object largest = ColumnValues.toJdbc(Schema.OPTIONAL_FLOAT32_SCHEMA, Float.MAX_VALUE);
        assertEquals(3.4028234663852886E38d, largest);
        assertEquals(Float.MAX_VALUE, ((Double) largest).floatValue());
        assertEquals(1.401298464324817E-45d, ColumnValues.toJdbc(Schema.OPTIONAL_FLOAT32_SCHEMA, Float.MIN_VALUE));
        assertEquals(0.10000000149011612d, ColumnValues.toJdbc(Schema.OPTIONAL_FLOAT32_SCHEMA, 0.1f));
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(((Double) ColumnValues.toJdbc(Schema.OPTIONAL_FLOAT32_SCHEMA, -0.0f)).floatValue()));
    }

    private static final Schema GEOMETRY = SchemaBuilder.struct().name("io.debezium.data.geometry.Geometry").optional()
            .field("wkb", Schema.BYTES_SCHEMA).field("srid", Schema.OPTIONAL_INT32_SCHEMA).build();
    private static final Schema POINT = SchemaBuilder.struct().name("io.debezium.data.geometry.Point").optional()
            .field("x", Schema.FLOAT64_SCHEMA).field("y", Schema.FLOAT64_SCHEMA)
            .field("wkb", Schema.OPTIONAL_BYTES_SCHEMA).field("srid", Schema.OPTIONAL_INT32_SCHEMA).build();
    /** WKB of POINT(1 2), little-endian. */
    private static final byte[] POINT_1_2 = HexFormat.of().parseHex("0101000000000000000000f03f0000000000000040");

    @Test
    void geometriesTakeMySqlsStorageFormatSridThenWkb() {
        byte[] noSrid = (byte[]) ColumnValues.toJdbc(GEOMETRY, new Struct(GEOMETRY).put("wkb", POINT_1_2));
        assertEquals("00000000" + HexFormat.of().formatHex(POINT_1_2), HexFormat.of().formatHex(noSrid));
        byte[] wgs84 = (byte[]) ColumnValues.toJdbc(GEOMETRY, new Struct(GEOMETRY).put("wkb", ByteBuffer.wrap(POINT_1_2)).put("srid", 4326));
        assertEquals("e6100000" + HexFormat.of().formatHex(POINT_1_2), HexFormat.of().formatHex(wgs84));
    }

    @Test
    void pointsUseTheirWkbOrElseTheirCoordinates() {
        byte[] fromWkb = (byte[]) ColumnValues.toJdbc(POINT, new Struct(POINT).put("x", 9.0).put("y", 9.0).put("wkb", POINT_1_2).put("srid", 3857));
        assertEquals("110f0000" + HexFormat.of().formatHex(POINT_1_2), HexFormat.of().formatHex(fromWkb));
        byte[] fromXy = (byte[]) ColumnValues.toJdbc(POINT, new Struct(POINT).put("x", 1.0).put("y", 2.0));
        assertEquals("00000000" + HexFormat.of().formatHex(POINT_1_2), HexFormat.of().formatHex(fromXy));
    }

    @Test
    void unsupportedValuesFailWithTheirType() {
        Schema variable = SchemaBuilder.struct().name("io.debezium.data.VariableScaleDecimal").field("scale", Schema.INT32_SCHEMA)
                .field("value", Schema.BYTES_SCHEMA).build();
        DataException e = assertThrows(DataException.class, () -> ColumnValues.toJdbc(variable,
                new Struct(variable).put("scale", 1).put("value", new byte[] {1})));
        assertTrue(e.getMessage().contains("io.debezium.data.VariableScaleDecimal"), e.getMessage());
    }
}
