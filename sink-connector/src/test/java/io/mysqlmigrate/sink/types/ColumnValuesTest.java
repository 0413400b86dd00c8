package io.mysqlmigrate.sink.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
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
    void timesBeyondADayAndNegativeSurvive() {
        Schema micro = logical("io.debezium.time.MicroTime", Schema.Type.INT64);
        assertEquals("838:59:59.000000", ColumnValues.toJdbc(micro, 838L * 3600_000_000L + 59 * 60_000_000L + 59_000_000L));
        assertEquals("-00:00:01.500000", ColumnValues.toJdbc(micro, -1_500_000L));
        assertEquals("12:34:56.000789", ColumnValues.toJdbc(micro, (12 * 3600 + 34 * 60 + 56) * 1_000_000L + 789));
    }

    @Test
    void bitsTurnBigEndian() {
        Schema bits = SchemaBuilder.bytes().name("io.debezium.data.Bits").optional().build();
        assertArrayEquals(new byte[] {0x01, 0x02}, (byte[]) ColumnValues.toJdbc(bits, new byte[] {0x02, 0x01}));
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
    void unsupportedValuesFailWithTheirType() {
        Schema geometry = SchemaBuilder.struct().name("io.debezium.data.geometry.Geometry").field("wkb", Schema.BYTES_SCHEMA).build();
        assertThrows(DataException.class, () -> ColumnValues.toJdbc(geometry, new org.apache.kafka.connect.data.Struct(geometry).put("wkb", new byte[0])));
    }
}
