package io.mysqlmigrate.source.capture;

import io.debezium.relational.history.HistoryRecord;
import io.debezium.relational.history.SchemaHistoryException;
import io.debezium.storage.kafka.history.KafkaSchemaHistory;
import io.mysqlmigrate.source.routing.ParserGaps;

/**
 * Debezium's Kafka schema history, refusing a statement its DDL parser misreads ({@link ParserGaps}) before storing it.
 * Debezium stores each DDL in its binary log thread, right after parsing it and before it reads the next event, so the
 * refusal stops the capture before any row of the table is decoded with the misread schema. A check of the schema
 * change records the task polls would come too late: Debezium drops a poll's records when the producer has failed
 * meanwhile (measured: the next row's "internal schema size 2, but row size 3" arrived instead).
 */
public class CheckedSchemaHistory extends KafkaSchemaHistory {

    @Override
    protected void storeRecord(HistoryRecord record) throws SchemaHistoryException {
        ParserGaps.refusal(record.document().getString(HistoryRecord.Fields.DATABASE_NAME),
                record.document().getString(HistoryRecord.Fields.DDL_STATEMENTS)).ifPresent(refusal -> {
                    throw new SchemaHistoryException(refusal);
                });
        super.storeRecord(record);
    }
}
