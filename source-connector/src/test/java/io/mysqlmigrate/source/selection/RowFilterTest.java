package io.mysqlmigrate.source.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.source.selection.condition.RowCondition;
import io.mysqlmigrate.source.selection.condition.StringFold;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class RowFilterTest {

    private static final Schema IMAGE = SchemaBuilder.struct().optional()
            .field("id", Schema.INT32_SCHEMA)
            .field("amount", Decimal.builder(2).optional().build())
            .field("Status", Schema.OPTIONAL_STRING_SCHEMA)
            .field("created", SchemaBuilder.string().name("io.debezium.time.ZonedTimestamp").optional().build())
            .field("day", SchemaBuilder.int32().name("io.debezium.time.Date").optional().build())
            .build();
    private static final Schema ENVELOPE = SchemaBuilder.struct().field("op", Schema.STRING_SCHEMA)
            .field("before", IMAGE).field("after", IMAGE).build();

    private static Struct image(int id, String amount, String status) {
        return new Struct(IMAGE).put("id", id).put("amount", amount == null ? null : new java.math.BigDecimal(amount)).put("Status", status)
                .put("created", "2024-03-01T23:30:00Z").put("day", 19783);
    }

    private static SourceRecord change(String op, Struct before, Struct after) {
        return new SourceRecord(Map.of(), Map.of("pos", 1), "t", ENVELOPE, new Struct(ENVELOPE).put("op", op).put("before", before).put("after", after));
    }

    private static RowFilter filter(String condition) throws Exception {
        return new RowFilter(new TableName("shop", "orders"), RowCondition.compile(condition),
                Map.of("status", StringFold.ofCollation("utf8mb4_general_ci")), ZoneId.of("+08:00"));
    }

    @Test
    void updatesAreJudgedOnBothImages() throws Exception {
        RowFilter f = filter("amount >= 100 AND status <> 'void'");
        SourceRecord stays = change("u", image(1, "150", "paid"), image(1, "160", "paid"));
        assertSame(stays, f.apply(stays));

        SourceRecord enters = f.apply(change("u", image(2, "50", "paid"), image(2, "150", "paid")));
        assertEquals("c", ((Struct) enters.value()).getString("op"));
        assertNull(((Struct) enters.value()).getStruct("before"));

        SourceRecord leaves = f.apply(change("u", image(3, "150", "paid"), image(3, "150", "VOID")));
        assertEquals("d", ((Struct) leaves.value()).getString("op"));
        assertNull(((Struct) leaves.value()).getStruct("after"));
        assertEquals(3, ((Struct) leaves.value()).getStruct("before").getInt32("id"));

        assertNull(f.apply(change("u", image(4, "5", "paid"), image(4, "6", "paid"))));
        assertNull(f.apply(change("c", null, image(5, null, "paid"))), "NULL amount: unknown, not kept");
        assertNull(f.apply(change("d", image(6, "1", "paid"), null)));
    }

    @Test
    void timestampsCompareInTheSourcesZoneAndDatesAsDates() throws Exception {
        // 2024-03-01T23:30Z is 2024-03-02 07:30 at +08:00; day 19783 is 2024-03-01.
        assertTrue(filter("created >= '2024-03-02 07:30:00' AND day = '2024-03-01'").apply(change("c", null, image(1, "1", "x"))) != null);
        assertNull(filter("created < '2024-03-02'").apply(change("c", null, image(1, "1", "x"))));
    }

    @Test
    void aConditionThatCannotBeJudgedStopsWithTheTableTheConditionAndThePosition() throws Exception {
        ConnectException e = assertThrows(ConnectException.class,
                () -> filter("missing = 1").apply(change("c", null, image(1, "1", "x"))));
        assertTrue(e.getMessage().contains("shop.orders") && e.getMessage().contains("missing = 1") && e.getMessage().contains("pos=1"),
                e.getMessage());
        assertTrue(Instant.parse("2024-03-01T23:30:00Z") != null);
    }
}
