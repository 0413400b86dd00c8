package io.mysqlmigrate.sink.buffer;

import io.mysqlmigrate.sink.event.ChangeEventReader;
import java.util.List;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Where a partition's records can be committed without splitting a source transaction: just after the last record
 * that leaves no transaction open. A database topic carries BEGIN and END markers around each transaction's rows;
 * snapshot rows and DDL stand outside any transaction. Without markers every position is a cut.
 */
public final class TransactionCut {

    private TransactionCut() {
    }

    /** The number of leading records that end outside any open transaction (0 when the first record opens one). */
    public static int after(List<SinkRecord> records) {
        boolean open = false;
        int cut = 0;
        for (int i = 0; i < records.size(); i++) {
            String status = boundaryStatus(records.get(i));
            if ("BEGIN".equals(status)) {
                if (open) {
                    cut = i; // a BEGIN while one is open: the earlier transaction lost its END (a source restart)
                }
                open = true;
            } else if ("END".equals(status)) {
                open = false;
            } else if (open && isSchemaChange(records.get(i))) {
                open = false; // DDL commits implicitly: no transaction stays open across it
            }
            if (!open) {
                cut = i + 1;
            }
        }
        return cut;
    }

    /**
     * The cut moved back so it never falls between the two halves of a primary key update (Debezium's delete of the
     * old key and create of the new one, one binary log row): applied apart, the delete half alone could not be
     * written as the one UPDATE that runs the destination's ON UPDATE actions.
     */
    public static int keepingKeyChangesWhole(List<SinkRecord> records, int cut) {
        if (cut > 0 && records.get(cut - 1).headers().lastWithName(ChangeEventReader.NEW_KEY_HEADER) != null) {
            return cut - 1;
        }
        return cut;
    }

    private static boolean isSchemaChange(SinkRecord record) {
        return record.value() instanceof Struct value && value.schema().field("ddl") != null;
    }

    /** BEGIN or END for a transaction marker, null for anything else. */
    static String boundaryStatus(SinkRecord record) {
        if (record.value() instanceof Struct value && value.schema().field("status") != null
                && value.schema().field("op") == null && value.schema().field("id") != null) {
            // a status of another type is no marker: the record is decided (never applicable) when it is applied
            return value.get("status") instanceof String status ? status : null;
        }
        return null;
    }
}
