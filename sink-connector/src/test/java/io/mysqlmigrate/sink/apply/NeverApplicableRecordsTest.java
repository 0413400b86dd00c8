package io.mysqlmigrate.sink.apply;

import io.mysqlmigrate.sink.retry.NeverApplicableRecordException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.sink.event.RowChange;
import io.mysqlmigrate.sink.event.SourcePosition;
import io.mysqlmigrate.sink.state.PartitionProgress;
import java.sql.SQLException;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** How a record that can never apply is pinned to its offset, before anything touches the destination. */
class NeverApplicableRecordsTest {

    private static final TopicPartition TP = new TopicPartition("m.shop", 0);
    /** Nothing of the destination is needed: these records fail while they are read. */
    private final PartitionApplier applier = new PartitionApplier(null, null, null, null, null);

    @Test
    void aStructureThatIsNoChangeEventIsPinnedToItsOffsetInsteadOfApplied() {
        Schema foreign = SchemaBuilder.struct().field("hello", Schema.STRING_SCHEMA).build();
        SinkRecord r = new SinkRecord(TP.topic(), 0, null, null, foreign, new Struct(foreign).put("hello", "x"), 11);
        NeverApplicableRecordException e = assertThrows(NeverApplicableRecordException.class,
                () -> applier.apply(null, TP, List.of(r), PartitionProgress.START));
        assertEquals(11, e.offset());
        assertTrue(e.reason().contains("not a Debezium change event"), e.reason());
    }

    @Test
    void aRowChangeMissingItsImagesIsPinnedWithTheReadersReason() {
        Schema source = SchemaBuilder.struct().field("db", Schema.STRING_SCHEMA).field("table", Schema.STRING_SCHEMA).build();
        Schema envelope = SchemaBuilder.struct().field("op", Schema.STRING_SCHEMA).field("source", source).build();
        Struct value = new Struct(envelope).put("op", "c").put("source", new Struct(source).put("db", "shop").put("table", "t"));
        SinkRecord r = new SinkRecord(TP.topic(), 0, null, null, envelope, value, 12);
        NeverApplicableRecordException e = assertThrows(NeverApplicableRecordException.class,
                () -> applier.apply(null, TP, List.of(r), PartitionProgress.START));
        assertEquals(12, e.offset());
        assertTrue(e.getCause() instanceof DataException && e.reason().contains("no 'before' field"), e.reason());
    }

    @Test
    void theServerNamesTheRowOfAMultiRowStatementThatCannotBeHeld() {
        List<RowChange> chunk = List.of(change(20), change(21), change(22));
        assertSame(chunk.get(1), RowWriter.namedRow(new SQLException("Data too long for column 'v' at row 2", "22001", 1406), chunk));
        assertNull(RowWriter.namedRow(new SQLException("Column 'v' cannot be null", "23000", 1048), chunk), "no row named");
        assertNull(RowWriter.namedRow(new SQLException("Out of range value for column 'n' at row 9", "22003", 1264), chunk),
                "a row beyond the statement's");
    }

    private static RowChange change(long offset) {
        return new RowChange(offset, "shop", "t", RowChange.Operation.INSERT, null, null, null, SourcePosition.UNKNOWN);
    }
}
