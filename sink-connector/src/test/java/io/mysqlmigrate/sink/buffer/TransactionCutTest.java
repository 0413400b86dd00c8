package io.mysqlmigrate.sink.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class TransactionCutTest {

    private static final Schema BOUNDARY = SchemaBuilder.struct().field("status", Schema.STRING_SCHEMA).field("id", Schema.STRING_SCHEMA).build();
    private static final Schema ROW = SchemaBuilder.struct().field("op", Schema.STRING_SCHEMA).build();

    private static List<SinkRecord> records(String... kinds) {
        List<SinkRecord> out = new ArrayList<>();
        for (int i = 0; i < kinds.length; i++) {
            Struct value = kinds[i].equals("row")
                    ? new Struct(ROW).put("op", "c")
                    : new Struct(BOUNDARY).put("status", kinds[i]).put("id", "tx");
            out.add(new SinkRecord("t", 0, null, null, value.schema(), value, i));
        }
        return out;
    }

    @Test
    void cutsAfterTheLastClosedTransaction() {
        assertEquals(4, TransactionCut.after(records("BEGIN", "row", "row", "END", "BEGIN", "row")));
    }

    @Test
    void aBatchInsideOneOpenTransactionHasNoCut() {
        assertEquals(0, TransactionCut.after(records("BEGIN", "row", "row")));
    }

    @Test
    void recordsOutsideTransactionsCanBeCutAnywhere() {
        assertEquals(2, TransactionCut.after(records("row", "row")));
        assertEquals(1, TransactionCut.after(records("row", "BEGIN", "row")));
    }

    @Test
    void aBeginWhileOneIsOpenClosesTheAbandonedTransaction() {
        assertEquals(2, TransactionCut.after(records("BEGIN", "row", "BEGIN", "row")), "the earlier BEGIN lost its END");
    }

    @Test
    void heldRecordsFollowedByTheirEndAreWhole() {
        assertEquals(4, TransactionCut.after(records("BEGIN", "row", "row", "END")));
    }

    @Test
    void neverCutsBetweenTheHalvesOfAPrimaryKeyUpdate() {
        List<SinkRecord> r = records("row", "row", "row");
        r.get(1).headers().addString("__debezium.newkey", "{\"id\":2}");
        assertEquals(1, TransactionCut.keepingKeyChangesWhole(r, 2));
        assertEquals(3, TransactionCut.keepingKeyChangesWhole(r, 3));
        assertEquals(1, TransactionCut.keepingKeyChangesWhole(r, 1));
    }
}
