package io.mysqlmigrate.sink.state;

import io.mysqlmigrate.dialect.BinlogPosition;

/**
 * How far the sink has applied one database topic partition: the next Kafka offset to apply, and the binary log
 * position of the last streamed change applied (null during a snapshot or before the first streamed change).
 */
public record PartitionProgress(long nextOffset, BinlogPosition lastApplied) {

    public static final PartitionProgress START = new PartitionProgress(-1, null);
}
