package io.mysqlmigrate.source.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class DatabaseTopicRouterTest {

    private static final Schema SOURCE = SchemaBuilder.struct().field("db", Schema.STRING_SCHEMA).field("table", Schema.OPTIONAL_STRING_SCHEMA).build();
    private static final Schema TX = SchemaBuilder.struct().optional().field("id", Schema.STRING_SCHEMA).build();
    private static final Schema ENVELOPE = SchemaBuilder.struct().name("p.db.t.Envelope")
            .field("op", Schema.STRING_SCHEMA).field("source", SOURCE).field("transaction", TX).build();
    private static final Schema SCHEMA_CHANGE = SchemaBuilder.struct().name("io.debezium.connector.mariadb.SchemaChangeValue")
            .field("source", SOURCE).field("databaseName", Schema.OPTIONAL_STRING_SCHEMA).field("ddl", Schema.STRING_SCHEMA).build();
    private static final Schema BOUNDARY = SchemaBuilder.struct().name("io.debezium.connector.common.TransactionMetadataValue")
            .field("status", Schema.STRING_SCHEMA).field("id", Schema.STRING_SCHEMA)
            .field("data_collections", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build()).build();

    private final DatabaseTopicRouter router = new DatabaseTopicRouter("p", "db1:3306#1");
    private long position;

    @Test
    void rowsOfEveryTableOfADatabaseShareOneTopicAndPartition() {
        List<SourceRecord> out = router.route(List.of(row("shop", "orders", null), row("shop", "items", null), row("crm", "people", null)));
        assertEquals(List.of("p.shop", "p.shop", "p.crm"), out.stream().map(SourceRecord::topic).toList());
        assertTrue(out.stream().allMatch(r -> r.kafkaPartition() == 0));
    }

    @Test
    void schemaChangesGoToTheirDatabaseTopicInPlace() {
        List<SourceRecord> out = router.route(List.of(row("shop", "t", null), ddl("shop", "ALTER TABLE t ADD c INT"), row("shop", "t", null)));
        assertEquals(List.of("p.shop", "p.shop", "p.shop"), out.stream().map(SourceRecord::topic).toList());
        assertEquals("ALTER TABLE t ADD c INT", ((Struct) out.get(1).value()).getString("ddl"));
    }

    @Test
    void aStatementRunWithoutADefaultDatabaseGoesToTheDatabaseItNames() {
        List<SourceRecord> out = router.route(List.of(ddl("", "CREATE INDEX ix ON shop.t (c)")));
        assertEquals(List.of("p.shop"), out.stream().map(SourceRecord::topic).toList());
    }

    @Test
    void sessionStatementsOutsideAnyDatabaseAreNotForwarded() {
        assertEquals(List.of(), router.route(List.of(ddl("", "SET character_set_server=utf8mb4"))));
    }

    @Test
    void eachDatabaseTouchedByATransactionGetsItsBeginBeforeItsFirstRowAndItsEnd() {
        List<SourceRecord> out = router.route(List.of(boundary("BEGIN", "0-1-7"), row("shop", "t", "0-1-7"), row("crm", "u", "0-1-7"),
                row("shop", "t", "0-1-7"), boundary("END", "0-1-7")));
        assertEquals(List.of("p.shop:BEGIN", "p.shop:c", "p.crm:BEGIN", "p.crm:c", "p.shop:c", "p.shop:END", "p.crm:END"),
                out.stream().map(DatabaseTopicRouterTest::describe).toList());
    }

    @Test
    void aTransactionSpanningTwoPollsStaysWhole() {
        List<SourceRecord> first = router.route(List.of(boundary("BEGIN", "0-1-8"), row("shop", "t", "0-1-8")));
        List<SourceRecord> second = router.route(List.of(row("shop", "t", "0-1-8"), boundary("END", "0-1-8")));
        assertEquals(List.of("p.shop:BEGIN", "p.shop:c"), first.stream().map(DatabaseTopicRouterTest::describe).toList());
        assertEquals(List.of("p.shop:c", "p.shop:END"), second.stream().map(DatabaseTopicRouterTest::describe).toList());
    }

    @Test
    void routedRecordsCarryTheirResumePositionAsAHeader() {
        SourceRecord r = row("shop", "t", null);
        SourceRecord out = router.route(List.of(r)).get(0);
        assertEquals("mysql-bin.000002:" + r.sourceOffset().get("pos") + ":1:0@db1:3306#1",
                out.headers().lastWithName(io.mysqlmigrate.dialect.BinlogPosition.HEADER).value());
    }

    @Test
    void otherRecordsPassUnchanged() {
        SourceRecord heartbeat = new SourceRecord(Map.of(), Map.of(), "__debezium-heartbeat.p", Schema.STRING_SCHEMA, "x");
        assertSame(heartbeat, router.route(List.of(heartbeat)).get(0));
    }

    @Test
    void topicNamesReplaceCharactersKafkaRejects() {
        assertEquals("p.my_db_1", DatabaseTopics.topicFor("p", "my db$1"));
    }

    private SourceRecord row(String db, String table, String txId) {
        Struct value = new Struct(ENVELOPE).put("op", "c").put("source", new Struct(SOURCE).put("db", db).put("table", table));
        if (txId != null) {
            value.put("transaction", new Struct(TX).put("id", txId));
        }
        return new SourceRecord(Map.of("server", "p"), Map.of("file", "mysql-bin.000002", "pos", position++, "event", 1L),
                "p." + db + "." + table, null, ENVELOPE, value);
    }

    private SourceRecord ddl(String db, String statement) {
        Struct value = new Struct(SCHEMA_CHANGE).put("source", new Struct(SOURCE).put("db", db)).put("databaseName", db).put("ddl", statement);
        return new SourceRecord(Map.of("server", "p"), Map.of("pos", position++), "p", null, SCHEMA_CHANGE, value);
    }

    private SourceRecord boundary(String status, String id) {
        Struct value = new Struct(BOUNDARY).put("status", status).put("id", id);
        return new SourceRecord(Map.of("server", "p"), Map.of("pos", position++), "p.transaction", null, BOUNDARY, value);
    }

    private static String describe(SourceRecord r) {
        Struct v = (Struct) r.value();
        return r.topic() + ":" + (v.schema().field("status") != null ? v.getString("status") : v.getString("op"));
    }
}
