package io.mysqlmigrate.sink.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.dialect.ObjectContext;
import java.util.List;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class ChangeEventReaderTest {

    static final Schema SOURCE = SchemaBuilder.struct().field("db", Schema.STRING_SCHEMA).field("table", Schema.OPTIONAL_STRING_SCHEMA)
            .field("file", Schema.STRING_SCHEMA).field("pos", Schema.INT64_SCHEMA).field("snapshot", Schema.OPTIONAL_STRING_SCHEMA)
            .field("ts_ms", Schema.INT64_SCHEMA).build();

    @Test
    void readsARowChangeWithItsPosition() {
        Schema row = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).optional().build();
        Schema envelope = SchemaBuilder.struct().field("before", row).field("after", row).field("source", SOURCE)
                .field("op", Schema.STRING_SCHEMA).build();
        Struct key = new Struct(SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).build()).put("id", 7);
        Struct value = new Struct(envelope).put("after", new Struct(row).put("id", 7)).put("op", "u")
                .put("source", new Struct(SOURCE).put("db", "shop").put("table", "t").put("file", "mysql-bin.000003")
                        .put("pos", 1234L).put("snapshot", "false").put("ts_ms", 99L));
        RowChange change = assertInstanceOf(RowChange.class,
                ChangeEventReader.read(new SinkRecord("p.shop", 0, key.schema(), key, envelope, value, 41)));
        assertEquals(RowChange.Operation.UPDATE, change.operation());
        assertEquals("shop.t", change.qualifiedName());
        assertEquals(41, change.offset());
        assertEquals("mysql-bin.000003:1234", change.position().toString());
        assertEquals(false, change.position().snapshot());
    }

    @Test
    void readsASchemaChangeWithTheColumnsItLeaves() {
        Schema column = SchemaBuilder.struct().field("name", Schema.STRING_SCHEMA).build();
        Schema table = SchemaBuilder.struct().field("columns", SchemaBuilder.array(column).build()).build();
        Schema tableChange = SchemaBuilder.struct().field("type", Schema.STRING_SCHEMA).field("id", Schema.STRING_SCHEMA)
                .field("table", table).build();
        Schema value = SchemaBuilder.struct().field("source", SOURCE).field("databaseName", Schema.STRING_SCHEMA)
                .field("ddl", Schema.STRING_SCHEMA).field("tableChanges", SchemaBuilder.array(tableChange).build()).build();
        Struct t = new Struct(table).put("columns", List.of(new Struct(column).put("name", "id"), new Struct(column).put("name", "c")));
        Struct v = new Struct(value).put("databaseName", "shop").put("ddl", "ALTER TABLE t ADD c INT")
                .put("source", new Struct(SOURCE).put("db", "shop").put("file", "f").put("pos", 5L).put("snapshot", "true").put("ts_ms", 1L))
                .put("tableChanges", List.of(new Struct(tableChange).put("type", "ALTER").put("id", "\"shop\".\"t\"").put("table", t)));
        SchemaChange change = assertInstanceOf(SchemaChange.class, ChangeEventReader.read(new SinkRecord("p.shop", 0, null, null, value, v, 3)));
        assertTrue(change.snapshot());
        assertEquals(List.of(new SchemaChange.TableShape("ALTER", "shop", "t", List.of("id", "c"))), change.tables());
    }

    @Test
    void readsTheObjectAndItsSessionContextFromTheHeaders() {
        Schema value = SchemaBuilder.struct().field("source", SOURCE).field("databaseName", Schema.STRING_SCHEMA)
                .field("ddl", Schema.STRING_SCHEMA).build();
        Struct v = new Struct(value).put("databaseName", "shop").put("ddl", "CREATE PROCEDURE \"p\"() SELECT 1")
                .put("source", new Struct(SOURCE).put("db", "shop").put("file", "f").put("pos", 5L).put("snapshot", "false").put("ts_ms", 1L));
        SinkRecord plain = new SinkRecord("p.shop", 0, null, null, value, v, 4);
        assertNull(((SchemaChange) ChangeEventReader.read(plain)).object(), "Debezium's own DDL carries none");
        ObjectContext context = new ObjectContext("PROCEDURE", "p", "ANSI_QUOTES", "latin1", "latin1_swedish_ci", "latin1_swedish_ci", null);
        SinkRecord withContext = new SinkRecord("p.shop", 0, null, null, value, v, 4);
        context.headers().forEach(withContext.headers()::addString);
        assertEquals(context, ((SchemaChange) ChangeEventReader.read(withContext)).object());
        SinkRecord unreadable = new SinkRecord("p.shop", 0, null, null, value, v, 4);
        context.headers().forEach(unreadable.headers()::addString);
        unreadable.headers().addString(ObjectContext.SQL_MODE, "x'; DROP TABLE t; --");
        DataException e = assertThrows(DataException.class, () -> ChangeEventReader.read(unreadable));
        assertTrue(e.getMessage().contains("p.shop/0@4"), e.getMessage());
    }

    @Test
    void readsTheSourcesCharsetDefaultsFromTheHeader() {
        Schema value = SchemaBuilder.struct().field("source", SOURCE).field("databaseName", Schema.STRING_SCHEMA)
                .field("ddl", Schema.STRING_SCHEMA).build();
        Struct v = new Struct(value).put("databaseName", "shop").put("ddl", "CREATE TABLE t (a TEXT) CHARSET=utf8mb4")
                .put("source", new Struct(SOURCE).put("db", "shop").put("file", "f").put("pos", 5L).put("snapshot", "false").put("ts_ms", 1L));
        SinkRecord plain = new SinkRecord("p.shop", 0, null, null, value, v, 4);
        assertEquals(java.util.Map.of(), ((SchemaChange) ChangeEventReader.read(plain)).charsetDefaults(), "an older source sends none");
        SinkRecord sent = new SinkRecord("p.shop", 0, null, null, value, v, 4);
        sent.headers().addString(io.mysqlmigrate.dialect.CharsetDefaults.HEADER, "latin1:latin1_swedish_ci,utf8mb4:utf8mb4_general_ci");
        assertEquals(java.util.Map.of("latin1", "latin1_swedish_ci", "utf8mb4", "utf8mb4_general_ci"),
                ((SchemaChange) ChangeEventReader.read(sent)).charsetDefaults());
        SinkRecord unreadable = new SinkRecord("p.shop", 0, null, null, value, v, 4);
        unreadable.headers().addString(io.mysqlmigrate.dialect.CharsetDefaults.HEADER, "utf8mb4:x' OR 1");
        DataException e = assertThrows(DataException.class, () -> ChangeEventReader.read(unreadable));
        assertTrue(e.getMessage().contains("p.shop/0@4"), e.getMessage());
    }

    @Test
    void splitsQuotedTableIds() {
        assertArrayEquals(new String[] {"a.b", "t\"x"}, ChangeEventReader.splitTableId("\"a.b\".\"t\"\"x\""));
        assertArrayEquals(new String[] {"db", "t"}, ChangeEventReader.splitTableId("db.t"));
    }

    @Test
    void tombstonesCarryNothing() {
        assertEquals(new Tombstone(1), ChangeEventReader.read(new SinkRecord("p.shop", 0, null, null, null, null, 1)));
    }

    @Test
    void aStructureThatIsNoChangeEventIsUnrecognisedSayingWhy() {
        Schema foreign = SchemaBuilder.struct().name("shop.Order").field("hello", Schema.STRING_SCHEMA).build();
        Unrecognised u = assertInstanceOf(Unrecognised.class, ChangeEventReader.read(
                new SinkRecord("p.shop", 0, null, null, foreign, new Struct(foreign).put("hello", "x"), 5)));
        assertTrue(u.why().contains("not a Debezium change event") && u.why().contains("[hello]"), u.why());
        Unrecognised text = assertInstanceOf(Unrecognised.class, ChangeEventReader.read(
                new SinkRecord("p.shop", 0, null, null, Schema.STRING_SCHEMA, "hello", 6)));
        assertTrue(text.why().contains("String"), text.why());
    }

    @Test
    void aRowChangeWithoutImagesIsRefusedNamingWhatIsMissing() {
        Schema envelope = SchemaBuilder.struct().field("source", SOURCE).field("op", Schema.STRING_SCHEMA).build();
        Struct value = new Struct(envelope).put("op", "c").put("source", new Struct(SOURCE).put("db", "shop").put("table", "t")
                .put("file", "f").put("pos", 4L).put("ts_ms", 1L));
        DataException e = assertThrows(DataException.class,
                () -> ChangeEventReader.read(new SinkRecord("p.shop", 0, null, null, envelope, value, 2)));
        assertTrue(e.getMessage().contains("no 'before' field"), e.getMessage());
    }

    @Test
    void anInsertWithoutAnAfterImageOrADeleteWithNothingToFindAreRefused() {
        Schema row = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).optional().build();
        Schema envelope = SchemaBuilder.struct().field("before", row).field("after", row).field("source", SOURCE)
                .field("op", Schema.STRING_SCHEMA).build();
        Struct source = new Struct(SOURCE).put("db", "shop").put("table", "t").put("file", "f").put("pos", 4L).put("ts_ms", 1L);
        DataException insert = assertThrows(DataException.class, () -> ChangeEventReader.read(
                new SinkRecord("p.shop", 0, null, null, envelope, new Struct(envelope).put("op", "c").put("source", source), 2)));
        assertTrue(insert.getMessage().contains("no 'after' image"), insert.getMessage());
        DataException delete = assertThrows(DataException.class, () -> ChangeEventReader.read(
                new SinkRecord("p.shop", 0, null, null, envelope, new Struct(envelope).put("op", "d").put("source", source), 3)));
        assertTrue(delete.getMessage().contains("neither a 'before' image nor a key"), delete.getMessage());
        Struct noTable = new Struct(SOURCE).put("db", "shop").put("file", "f").put("pos", 4L).put("ts_ms", 1L);
        DataException unnamed = assertThrows(DataException.class, () -> ChangeEventReader.read(new SinkRecord("p.shop", 0, null, null,
                envelope, new Struct(envelope).put("op", "c").put("source", noTable).put("after", new Struct(row).put("id", 1)), 4)));
        assertTrue(unnamed.getMessage().contains("names no database and table"), unnamed.getMessage());
    }

    @Test
    void tellsTheHalvesOfAPrimaryKeyUpdateByDebeziumsHeaders() {
        Schema row = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).optional().build();
        Schema envelope = SchemaBuilder.struct().field("before", row).field("after", row).field("source", SOURCE)
                .field("op", Schema.STRING_SCHEMA).build();
        Struct source = new Struct(SOURCE).put("db", "shop").put("table", "t").put("file", "f").put("pos", 9L)
                .put("snapshot", "false").put("ts_ms", 1L);
        Struct deleted = new Struct(envelope).put("before", new Struct(row).put("id", 1)).put("op", "d").put("source", source);
        Struct created = new Struct(envelope).put("after", new Struct(row).put("id", 2)).put("op", "c").put("source", source);
        SinkRecord delete = new SinkRecord("p.shop", 0, null, null, envelope, deleted, 1);
        SinkRecord create = new SinkRecord("p.shop", 0, null, null, envelope, created, 2);
        assertEquals(RowChange.KeyChange.NONE, ((RowChange) ChangeEventReader.read(delete)).keyChange());
        delete.headers().addString(ChangeEventReader.NEW_KEY_HEADER, "{\"id\":2}");
        create.headers().addString(ChangeEventReader.OLD_KEY_HEADER, "{\"id\":1}");
        assertEquals(RowChange.KeyChange.DELETES_OLD_KEY, ((RowChange) ChangeEventReader.read(delete)).keyChange());
        assertEquals(RowChange.KeyChange.CREATES_NEW_KEY, ((RowChange) ChangeEventReader.read(create)).keyChange());
    }
}
