package io.mysqlmigrate.source.routing;

import io.mysqlmigrate.dialect.BinlogPosition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes Debezium's records into one single-partition topic per source database, keeping binlog order: row changes
 * (Debezium would write one topic per table), schema changes (one topic per connector) and transaction boundaries
 * (one topic per connector) of a database all land in {@code <prefix>.<database>}, partition 0. The records stay
 * standard Debezium change events; only their topic changes.
 *
 * <p>A transaction can touch several databases; each database's topic gets its own copy of the BEGIN, placed just
 * before that database's first row of the transaction, and of the END, so a reader of one topic always sees whole
 * transactions.
 */
public final class DatabaseTopicRouter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseTopicRouter.class);

    private final String prefix;
    private final String server;
    private SourceRecord openBegin;
    private String openTransactionId;
    private final Set<String> databasesInOpenTransaction = new LinkedHashSet<>();

    /** @param server the identity of the source server whose binary log the positions belong to */
    public DatabaseTopicRouter(String prefix, String server) {
        this.prefix = prefix;
        this.server = server;
    }

    public List<SourceRecord> route(List<SourceRecord> records) {
        if (records == null) {
            return null;
        }
        List<SourceRecord> out = new ArrayList<>(records.size() + 4);
        for (SourceRecord r : records) {
            switch (EventKind.of(r)) {
                case ROW_CHANGE -> routeRowChange(r, out);
                case SCHEMA_CHANGE -> routeSchemaChange(r, out);
                case TRANSACTION_BOUNDARY -> routeBoundary(r, out);
                case OTHER -> out.add(r);
            }
        }
        return out;
    }

    /** True between a transaction's BEGIN and its END: nothing may be placed between them that is not theirs. */
    public boolean inTransaction() {
        return openTransactionId != null;
    }

    private void routeRowChange(SourceRecord r, List<SourceRecord> out) {
        Struct value = (Struct) r.value();
        String database = value.getStruct("source").getString("db");
        String txId = transactionId(value);
        if (txId != null && txId.equals(openTransactionId) && databasesInOpenTransaction.add(database)) {
            out.add(moveTo(openBegin, database));
        }
        out.add(moveTo(r, database));
    }

    private void routeSchemaChange(SourceRecord r, List<SourceRecord> out) {
        Struct value = (Struct) r.value();
        String database = value.getString("databaseName");
        if (database == null || database.isEmpty()) {
            Struct source = value.getStruct("source");
            database = source == null ? null : source.getString("db");
        }
        if (database == null || database.isEmpty()) {
            database = StatementDatabase.of(value.getString("ddl"));
        }
        if (database == null || database.isEmpty()) {
            // Session statements such as SET character_set_server belong to no database and change no table.
            LOG.info("Schema change outside any database not forwarded: {}", value.getString("ddl"));
            return;
        }
        out.add(moveTo(r, database));
    }

    private void routeBoundary(SourceRecord r, List<SourceRecord> out) {
        Struct value = (Struct) r.value();
        String status = value.getString("status");
        if ("BEGIN".equals(status)) {
            openBegin = r;
            openTransactionId = value.getString("id");
            databasesInOpenTransaction.clear();
        } else if ("END".equals(status)) {
            if (value.getString("id").equals(openTransactionId)) {
                for (String database : databasesInOpenTransaction) {
                    out.add(moveTo(r, database));
                }
            }
            openBegin = null;
            openTransactionId = null;
            databasesInOpenTransaction.clear();
        }
    }

    private static String transactionId(Struct value) {
        if (value.schema().field("transaction") == null) {
            return null;
        }
        Struct tx = value.getStruct("transaction");
        return tx == null ? null : tx.getString("id");
    }

    /**
     * The record in its database's topic, carrying the binary log position Debezium resumes from as a header, so
     * the sink can recognise records a restarted source sends again.
     */
    private SourceRecord moveTo(SourceRecord r, String database) {
        SourceRecord moved = r.newRecord(DatabaseTopics.topicFor(prefix, database), 0, r.keySchema(), r.key(), r.valueSchema(),
                r.value(), r.timestamp(), r.headers().duplicate());
        BinlogPosition position = BinlogPosition.fromOffset(r.sourceOffset(), server);
        if (position != null) {
            moved.headers().addString(BinlogPosition.HEADER, position.format());
        }
        return moved;
    }
}
