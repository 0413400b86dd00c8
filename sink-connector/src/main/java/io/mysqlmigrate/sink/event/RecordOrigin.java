package io.mysqlmigrate.sink.event;

import io.mysqlmigrate.dialect.BinlogPosition;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Where a record comes from, read from whatever the record carries, for the messages about a record the sink cannot
 * apply: the source database and table (a change event's source block, a schema change's database), the topic, partition
 * and offset, and the source position (binary log file:pos from the source block, else the position header the source
 * connector writes). Never fails: a record of any shape gets a description, with "unknown" for what it does not carry.
 */
public final class RecordOrigin {

    private RecordOrigin() {
    }

    /** {@code database 'shop', table 't', topic 'm.shop' partition 0 offset 17, source position mysql-bin.000003:1234}. */
    public static String describe(SinkRecord record) {
        Struct value = record.value() instanceof Struct s ? s : null;
        Struct source = value == null ? null : struct(value, "source");
        String database = text(source, "db");
        if (database == null && value != null) {
            database = text(value, "databaseName");
        }
        String table = text(source, "table");
        return "database " + quoted(database) + ", table " + quoted(table) + ", topic '" + record.topic() + "' partition "
                + record.kafkaPartition() + " offset " + record.kafkaOffset() + ", source position " + position(record, source);
    }

    private static String position(SinkRecord record, Struct source) {
        String file = text(source, "file");
        if (file != null && !file.isEmpty()) {
            String pos = text(source, "pos");
            String gtid = text(source, "gtid");
            return file + ":" + (pos == null ? "?" : pos) + (gtid == null ? "" : " (gtid " + gtid + ")");
        }
        Header header = record.headers() == null ? null : record.headers().lastWithName(BinlogPosition.HEADER);
        if (header != null && header.value() != null) {
            try {
                BinlogPosition at = BinlogPosition.parse(header.value().toString());
                return at.file() + ":" + at.pos();
            } catch (RuntimeException unreadable) {
                return "unknown (unreadable " + BinlogPosition.HEADER + " header '" + header.value() + "')";
            }
        }
        return "unknown";
    }

    private static String quoted(String name) {
        return name == null ? "unknown" : "'" + name + "'";
    }

    private static Struct struct(Struct s, String field) {
        Field f = s.schema().field(field);
        return f != null && s.get(f) instanceof Struct inner ? inner : null;
    }

    private static String text(Struct s, String field) {
        if (s == null) {
            return null;
        }
        Field f = s.schema().field(field);
        Object v = f == null ? null : s.get(f);
        return v == null ? null : v.toString();
    }
}
