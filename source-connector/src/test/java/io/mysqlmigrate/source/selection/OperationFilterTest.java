package io.mysqlmigrate.source.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.source.routing.EventKind;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class OperationFilterTest {

    private static final Schema SOURCE = SchemaBuilder.struct().field("db", Schema.STRING_SCHEMA)
            .field("table", Schema.OPTIONAL_STRING_SCHEMA).build();
    private static final Schema ROW = SchemaBuilder.struct().field("op", Schema.STRING_SCHEMA).field("source", SOURCE).build();
    private static final Schema TABLE_CHANGE = SchemaBuilder.struct().field("id", Schema.STRING_SCHEMA).build();
    private static final Schema DDL = SchemaBuilder.struct().field("databaseName", Schema.STRING_SCHEMA).field("ddl", Schema.STRING_SCHEMA)
            .field("tableChanges", SchemaBuilder.array(TABLE_CHANGE).build()).build();

    private static SourceRecord row(String op, String db, String table) {
        return new SourceRecord(Map.of(), Map.of(), "x", ROW,
                new Struct(ROW).put("op", op).put("source", new Struct(SOURCE).put("db", db).put("table", table)));
    }

    private static SourceRecord ddl(String db, String table, String text) {
        List<Object> changes = table == null ? List.of() : List.of(new Struct(TABLE_CHANGE).put("id", "\"" + db + "\".\"" + table + "\""));
        return new SourceRecord(Map.of(), Map.of(), "x", DDL,
                new Struct(DDL).put("databaseName", db).put("ddl", text).put("tableChanges", changes));
    }

    @Test
    void aTablesEntryWinsOverItsDatabasesAndOthersKeepEverything() {
        OperationFilter f = OperationFilter.parse(List.of("shop=insert+update+ddl", "shop.audit=insert", "crm=none"));
        assertTrue(f.passes(row("c", "shop", "orders"), EventKind.ROW_CHANGE));
        assertFalse(f.passes(row("d", "shop", "orders"), EventKind.ROW_CHANGE));
        assertTrue(f.passes(row("c", "shop", "audit"), EventKind.ROW_CHANGE));
        assertFalse(f.passes(row("u", "shop", "audit"), EventKind.ROW_CHANGE));
        assertFalse(f.passes(row("u", "crm", "people"), EventKind.ROW_CHANGE));
        assertTrue(f.passes(row("d", "other", "t"), EventKind.ROW_CHANGE));
        assertTrue(f.passes(ddl("shop", "orders", "/* gh */ ALTER TABLE orders ADD c INT"), EventKind.SCHEMA_CHANGE));
        assertFalse(f.passes(ddl("shop", "audit", "ALTER TABLE audit ADD c INT"), EventKind.SCHEMA_CHANGE));
        assertFalse(f.passes(ddl("crm", null, "CREATE INDEX i ON people (a)"), EventKind.SCHEMA_CHANGE));
        assertFalse(f.passes(row("t", "shop", "audit"), EventKind.ROW_CHANGE), "TRUNCATE is a DDL operation");
    }

    @Test
    void ddlKindsAreReadPastCommentsAndSpace() {
        assertEquals(OperationFilter.Operation.DROP, OperationFilter.ddlOperation("  -- x\n DROP TABLE t"));
        assertEquals(OperationFilter.Operation.RENAME, OperationFilter.ddlOperation("rename table a to b"));
        assertEquals(null, OperationFilter.ddlOperation("SET character_set_server=utf8mb4"));
    }

    @Test
    void unknownOperationsAndNamesAreRefusedWithTheChoices() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OperationFilter.parse(List.of("shop=insert+upsert")))
                .getMessage().contains("'upsert'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OperationFilter.parse(List.of("shop")))
                .getMessage().contains("object=operation"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OperationFilter.parse(List.of("a.b.c=insert")))
                .getMessage().contains("neither a database"));
    }
}
