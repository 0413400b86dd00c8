package io.mysqlmigrate.source.selection;

import io.mysqlmigrate.source.selection.condition.EvaluationException;
import io.mysqlmigrate.source.selection.condition.RowCondition;
import io.mysqlmigrate.source.selection.condition.StringFold;
import java.time.ZoneId;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * One table's row filter on the stream. The destination must end up holding exactly the rows the condition keeps,
 * so an UPDATE is judged on both images: a row that enters the condition arrives as an insert, a row that leaves it
 * as a delete, a row outside before and after is dropped. Snapshot rows were already filtered by the snapshot's
 * SELECT with the same condition.
 */
public final class RowFilter {

    private final TableName table;
    private final RowCondition condition;
    private final Map<String, StringFold> folds;
    private final ZoneId sourceZone;

    public RowFilter(TableName table, RowCondition condition, Map<String, StringFold> folds, ZoneId sourceZone) {
        this.table = table;
        this.condition = condition;
        this.folds = folds;
        this.sourceZone = sourceZone;
    }

    /** The record to forward, rewritten when an update crosses the condition, or null when the row is not selected. */
    public SourceRecord apply(SourceRecord record) {
        Struct value = (Struct) record.value();
        String op = value.getString("op");
        return switch (op) {
            case "c" -> matches(value, "after", record) ? record : null;
            case "d" -> matches(value, "before", record) ? record : null;
            case "u" -> {
                boolean before = matches(value, "before", record);
                boolean after = matches(value, "after", record);
                if (before && after) {
                    yield record;
                }
                if (after) {
                    yield rewrite(record, value, "c", "before");
                }
                if (before) {
                    yield rewrite(record, value, "d", "after");
                }
                yield null;
            }
            default -> record;
        };
    }

    private boolean matches(Struct value, String image, SourceRecord record) {
        Struct row = value.getStruct(image);
        if (row == null) {
            throw new ConnectException("The row filter of " + table + " needs the " + image + " image of every change, and a change "
                    + "at " + record.sourceOffset() + " has none. Set binlog_row_image=FULL on the source.");
        }
        try {
            return condition.matches(new DebeziumRowImage(row, folds, sourceZone));
        } catch (EvaluationException e) {
            throw new ConnectException("The row filter of " + table + " ('" + condition.text() + "') cannot judge a change at "
                    + record.sourceOffset() + ": " + e.getMessage() + ". Change the condition in row.filters and restart the "
                    + "connector; nothing after this change has been forwarded.");
        }
    }

    private static SourceRecord rewrite(SourceRecord record, Struct value, String op, String clearedImage) {
        Struct out = new Struct(value.schema());
        for (Field f : value.schema().fields()) {
            out.put(f, value.get(f));
        }
        out.put("op", op);
        out.put(clearedImage, null);
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(), record.valueSchema(), out,
                record.timestamp(), record.headers());
    }
}
