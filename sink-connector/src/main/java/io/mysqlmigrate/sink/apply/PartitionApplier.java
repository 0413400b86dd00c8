package io.mysqlmigrate.sink.apply;

import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.sink.ddl.DdlApplier;
import io.mysqlmigrate.sink.event.ChangeEvent;
import io.mysqlmigrate.sink.event.ChangeEventReader;
import io.mysqlmigrate.sink.event.RowChange;
import io.mysqlmigrate.sink.event.SchemaChange;
import io.mysqlmigrate.sink.event.SourcePosition;
import io.mysqlmigrate.sink.state.ProgressStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Applies the records of one database topic partition in their order. Row changes accumulate into one destination
 * transaction that also stores the next offset; a DDL statement or a TRUNCATE is a barrier: the rows before it are
 * committed first, then it is applied on its own.
 */
public final class PartitionApplier {

    private final ProgressStore progress;
    private final RowWriter rows;
    private final DdlApplier ddl;

    public PartitionApplier(ProgressStore progress, RowWriter rows, DdlApplier ddl) {
        this.progress = progress;
        this.rows = rows;
        this.ddl = ddl;
    }

    /**
     * Applies every record at or after {@code nextOffset} and returns the new next offset. Everything returned is
     * committed in the destination.
     */
    public long apply(Connection c, TopicPartition tp, List<SinkRecord> records, long nextOffset) throws SQLException {
        List<RowChange> pending = new ArrayList<>();
        SourcePosition lastPosition = null;
        long next = nextOffset;
        for (SinkRecord record : records) {
            if (record.kafkaOffset() < next) {
                continue; // applied before: a redelivery after a rebalance or restart
            }
            ChangeEvent event = ChangeEventReader.read(record);
            if (event instanceof RowChange row && row.operation() != RowChange.Operation.TRUNCATE) {
                pending.add(row);
                lastPosition = row.position();
            } else if (event instanceof RowChange truncate) {
                commitRows(c, tp, pending, truncate.offset(), lastPosition);
                truncate(c, truncate);
                progress.saveOffset(c, tp, truncate.offset() + 1, truncate.position());
                c.commit();
            } else if (event instanceof SchemaChange change) {
                commitRows(c, tp, pending, change.offset(), lastPosition);
                ddl.apply(c, tp, change);
            }
            next = record.kafkaOffset() + 1;
        }
        commitRows(c, tp, pending, next, lastPosition);
        return next;
    }

    private void commitRows(Connection c, TopicPartition tp, List<RowChange> pending, long nextOffset, SourcePosition position)
            throws SQLException {
        rows.write(c, pending);
        progress.saveOffset(c, tp, nextOffset, position);
        c.commit();
        pending.clear();
    }

    private static void truncate(Connection c, RowChange change) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("TRUNCATE TABLE " + Identifiers.quote(change.database(), change.table()));
        }
    }
}
