package io.mysqlmigrate.sink.state;

import io.mysqlmigrate.dialect.BinlogPosition;

/**
 * How far the sink has applied one database topic partition: the next Kafka offset to apply, the binary log
 * position of the last streamed change applied (null during a snapshot or before the first streamed change), and
 * {@code replayUntil}: when an operator moved the sink back (Connect's offsets API), the offset it had reached
 * before; records below it were applied already and are replayed without effect (-1: no replay).
 */
public record PartitionProgress(long nextOffset, BinlogPosition lastApplied, long replayUntil) {

    public static final PartitionProgress START = new PartitionProgress(-1, null, -1);

    public PartitionProgress(long nextOffset, BinlogPosition lastApplied) {
        this(nextOffset, lastApplied, -1);
    }

    /** The same partition further on. */
    public PartitionProgress at(long next, BinlogPosition applied) {
        return new PartitionProgress(next, applied, replayUntil);
    }

    /** Whether the record at this offset was applied before the sink was moved back. */
    public boolean isReplay(long offset) {
        return offset < replayUntil;
    }
}
