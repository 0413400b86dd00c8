package io.mysqlmigrate.source.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class ObjectChangeRecordsTest {

    private static Schema source(String name, boolean withRow) {
        SchemaBuilder b = SchemaBuilder.struct().name(name).field("file", Schema.STRING_SCHEMA).field("pos", Schema.INT64_SCHEMA)
                .field("snapshot", Schema.OPTIONAL_STRING_SCHEMA);
        if (withRow) {
            b.field("row", Schema.INT32_SCHEMA);
        }
        return b.build();
    }

    @Test
    void aStatementFoundAfterTheSnapshotCarriesTheStreamsPositionInTheSchemaChangesEnvelope() {
        Struct snapshotDdl = new Struct(source("io.debezium.connector.mariadb.Source.ddl", false))
                .put("file", "mysql-bin.000001").put("pos", 41105L).put("snapshot", "last");
        Struct streamedRow = new Struct(source("io.debezium.connector.mariadb.Source", true))
                .put("file", "mysql-bin.000001").put("pos", 47599L).put("snapshot", "false").put("row", 0);
        Struct out = ObjectChangeRecords.positionOf(streamedRow, snapshotDdl);
        assertEquals(snapshotDdl.schema(), out.schema());
        assertEquals(47599L, out.getInt64("pos"));
        assertEquals("false", out.getString("snapshot"));
    }
}
