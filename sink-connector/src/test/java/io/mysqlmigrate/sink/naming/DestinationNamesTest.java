package io.mysqlmigrate.sink.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.sink.DebeziumEvents;
import io.mysqlmigrate.sink.event.ChangeEvent;
import io.mysqlmigrate.sink.event.ChangeEventReader;
import io.mysqlmigrate.sink.event.RowChange;
import io.mysqlmigrate.sink.event.SchemaChange;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class DestinationNamesTest {

    private static final Schema ROW = SchemaBuilder.struct().optional().field("ID", Schema.INT32_SCHEMA)
            .field("Amt", SchemaBuilder.int32().optional().defaultValue(7).build()).field("note", Schema.OPTIONAL_STRING_SCHEMA).build();

    private final DebeziumEvents events = new DebeziumEvents("m.shop", "shop");

    @Test
    void rowChangesGetDestinationDatabaseTableAndColumnsAndKeepTheirNulls() {
        DestinationNames names = new DestinationNames(NameMapping.of("shop=shop_v2, shop.Orders.amt=amount", NameCase.LOWER, 0));
        Map<String, Object> before = new HashMap<>();
        before.put("ID", 1);
        before.put("Amt", null); // a NULL in a column with a DEFAULT must stay NULL
        before.put("note", "x");
        Map<String, Object> after = new HashMap<>(before);
        after.put("Amt", 5);
        RowChange row = (RowChange) names.map(ChangeEventReader.read(events.row("u", "Orders", ROW, before, after, "ID")));
        assertEquals("shop_v2", row.database());
        assertEquals("orders", row.table());
        assertEquals(List.of("id", "amount", "note"), row.after().schema().fields().stream().map(f -> f.name()).toList());
        assertEquals(5, row.after().get("amount"));
        assertNull(row.before().getWithoutDefault("amount"));
        assertEquals(1, row.key().get("id"));
        RowChange again = (RowChange) names.map(ChangeEventReader.read(events.row("u", "Orders", ROW, before, after, "ID")));
        assertSame(row.after().schema(), again.after().schema(), "renamed schemas are built once per source schema");
    }

    @Test
    void ddlGetsItsTextDatabaseAndTableShapesMapped() {
        DestinationNames names = new DestinationNames(NameMapping.of("shop=shop_v2, shop.orders=orders_2024, shop.orders.amt=amount",
                NameCase.SOURCE, 0));
        SchemaChange change = (SchemaChange) names.map(ChangeEventReader.read(
                events.ddl(false, "ALTER TABLE orders ADD COLUMN x INT AFTER amt", "ALTER", "orders", "id", "amt", "x")));
        assertEquals("shop_v2", change.database());
        assertEquals("ALTER TABLE `orders_2024` ADD COLUMN x INT AFTER `amount`", change.ddl());
        assertEquals(new SchemaChange.TableShape("ALTER", "shop_v2", "orders_2024", List.of("id", "amount", "x")), change.tables().get(0));
    }

    @Test
    void twoColumnsMappedToOneNameAreRefusedNamingTheTable() {
        DestinationNames names = new DestinationNames(NameMapping.of("shop.orders.note=amt", NameCase.SOURCE, 0));
        Map<String, Object> after = Map.of("ID", 1, "Amt", 2, "note", "n");
        DataException e = assertThrows(DataException.class,
                () -> names.map(ChangeEventReader.read(events.row("c", "orders", ROW, null, after, "ID"))));
        assertTrue(e.getMessage().contains("two columns of shop.orders the destination name 'amt'"), e.getMessage());
    }

    @Test
    void withoutMappingEventsPassThroughUntouched() {
        ChangeEvent event = ChangeEventReader.read(events.row("c", "orders", ROW, null, Map.of("ID", 1, "Amt", 2, "note", "n"), "ID"));
        assertSame(event, new DestinationNames(NameMapping.IDENTITY).map(event));
    }
}
