package io.mysqlmigrate.sink.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mysqlmigrate.dialect.BinlogPosition;
import java.util.List;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class RecordOriginTest {

    @Test
    void aChangeEventIsNamedByItsSourceBlock() {
        Schema envelope = SchemaBuilder.struct().field("source", ChangeEventReaderTest.SOURCE).field("op", Schema.STRING_SCHEMA).build();
        Struct value = new Struct(envelope).put("op", "c").put("source", new Struct(ChangeEventReaderTest.SOURCE).put("db", "shop")
                .put("table", "orders").put("file", "mysql-bin.000003").put("pos", 1234L).put("ts_ms", 1L));
        assertEquals("database 'shop', table 'orders', topic 'm.shop' partition 0 offset 17, source position mysql-bin.000003:1234",
                RecordOrigin.describe(new SinkRecord("m.shop", 0, null, null, envelope, value, 17)));
    }

    @Test
    void aSchemaChangeNamesItsDatabase() {
        Schema envelope = SchemaBuilder.struct().field("databaseName", Schema.STRING_SCHEMA).field("ddl", Schema.STRING_SCHEMA).build();
        Struct value = new Struct(envelope).put("databaseName", "shop").put("ddl", "CREATE TABLE t (id INT)");
        assertEquals("database 'shop', table unknown, topic 'm.shop' partition 0 offset 3, source position unknown",
                RecordOrigin.describe(new SinkRecord("m.shop", 0, null, null, envelope, value, 3)));
    }

    @Test
    void aRecordOfAnyOtherShapeIsStillDescribedWithThePositionHeaderWhenItHasOne() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString(BinlogPosition.HEADER, "mysql-bin.000002:777:1:0@srv");
        Schema foreign = SchemaBuilder.struct().field("hello", Schema.STRING_SCHEMA).build();
        assertEquals("database unknown, table unknown, topic 'm.shop' partition 2 offset 9, source position mysql-bin.000002:777",
                RecordOrigin.describe(new SinkRecord("m.shop", 2, null, null, foreign, new Struct(foreign).put("hello", "x"), 9,
                        null, null, headers)));
        assertEquals("database unknown, table unknown, topic 't' partition 0 offset 1, source position unknown",
                RecordOrigin.describe(new SinkRecord("t", 0, null, null, null, List.of("not", "a", "struct"), 1)));
    }
}
