package io.mysqlmigrate.sink.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** Records of a source transaction are held until it completes; a failed batch is held whole for the next call. */
class TransactionHoldTest {

    private static final TopicPartition TP = new TopicPartition("t", 0);
    private static final Schema BOUNDARY = SchemaBuilder.struct().field("status", Schema.STRING_SCHEMA).field("id", Schema.STRING_SCHEMA).build();
    private static final Schema ROW = SchemaBuilder.struct().field("op", Schema.STRING_SCHEMA).build();

    private final TransactionHold hold = new TransactionHold(new TransactionHold.Limit(100, "transaction.max.held.records"));

    /** Records of partition 0 of topic t, at offsets from {@code first} on. */
    private static List<SinkRecord> records(long first, String... kinds) {
        List<SinkRecord> out = new ArrayList<>();
        for (int i = 0; i < kinds.length; i++) {
            Struct value = kinds[i].equals("row")
                    ? new Struct(ROW).put("op", "c")
                    : new Struct(BOUNDARY).put("status", kinds[i]).put("id", "tx");
            out.add(new SinkRecord("t", 0, null, null, value.schema(), value, first + i));
        }
        return out;
    }

    private static List<Long> offsets(List<SinkRecord> records) {
        return records.stream().map(SinkRecord::kafkaOffset).toList();
    }

    @Test
    void anOpenTransactionIsHeldUntilTheBatchThatCompletesIt() {
        Batch first = hold.take(hold.byPartition(records(0, "BEGIN", "row", "END", "BEGIN", "row")));
        assertEquals(List.of(0L, 1L, 2L), offsets(first.toApply().get(TP)));

        Batch second = hold.take(hold.byPartition(records(5, "row", "END")));
        assertEquals(List.of(3L, 4L, 5L, 6L), offsets(second.toApply().get(TP)), "the held records come first");
    }

    @Test
    void aFailedBatchIsAppliedAgainWithTheNextCallEvenWithoutNewRecords() {
        Batch failed = hold.take(hold.byPartition(records(0, "BEGIN", "row", "END")));
        hold.holdAgain(failed);

        Batch again = hold.take(hold.byPartition(List.of()));
        assertEquals(List.of(0L, 1L, 2L), offsets(again.toApply().get(TP)));
        assertTrue(hold.byPartition(List.of()).isEmpty(), "applied again once");
    }

    @Test
    void aRedeliveredRecordIsTakenOnce() {
        hold.take(hold.byPartition(records(0, "BEGIN", "row")));

        Batch next = hold.take(hold.byPartition(records(1, "row", "END")));
        assertEquals(List.of(0L, 1L, 2L), offsets(next.toApply().get(TP)));
    }

    @Test
    void aRevokedPartitionIsForgotten() {
        hold.take(hold.byPartition(records(0, "BEGIN", "row")));
        hold.forget(List.of(TP));

        Batch next = hold.take(hold.byPartition(records(2, "BEGIN", "row", "END")));
        assertEquals(List.of(2L, 3L, 4L), offsets(next.toApply().get(TP)));
    }
}
