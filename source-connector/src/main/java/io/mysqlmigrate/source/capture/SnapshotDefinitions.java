package io.mysqlmigrate.source.capture;

import io.mysqlmigrate.dialect.Identifiers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts back what Debezium's MySQL grammar drops from a snapshot's CREATE TABLE: MySQL prints a table's partitioning
 * (and other clauses) inside versioned comments, {@code /*!50100 PARTITION BY RANGE ... *&#47;}, and Debezium's lexer
 * sends those comments to a hidden channel, so the statement it emits has no PARTITION clause and the destination
 * table would be created unpartitioned. For each snapshot CREATE TABLE, the source's own {@code SHOW CREATE TABLE} is
 * read again; when it has versioned comments and, without them, is the statement Debezium emitted (white space
 * aside), it replaces that statement. When the table changed in between, Debezium's statement stays and a WARN names
 * the table: the clauses in comments would be missing.
 */
public final class SnapshotDefinitions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotDefinitions.class);
    private static final Pattern VERSIONED_COMMENT = Pattern.compile("/\\*!\\d*(.*?)\\*/", Pattern.DOTALL);
    private static final Pattern CREATE_TABLE = Pattern.compile("^\\s*CREATE\\s+(TEMPORARY\\s+)?TABLE\\s", Pattern.CASE_INSENSITIVE);

    /** Opens a connection to the source. */
    public interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections connections;
    private Connection connection;

    public SnapshotDefinitions(Connections connections) {
        this.connections = connections;
    }

    /** The record with the source's full definition when it is a snapshot CREATE TABLE that lost versioned clauses. */
    public SourceRecord restore(SourceRecord record, boolean snapshot) {
        if (!snapshot || !(record.value() instanceof Struct value) || value.schema().field("ddl") == null
                || value.schema().field("tableChanges") == null) {
            return record;
        }
        String ddl = value.getString("ddl");
        if (ddl == null || !CREATE_TABLE.matcher(ddl).find()) {
            return record;
        }
        List<Object> changes = value.getArray("tableChanges");
        if (changes == null || changes.size() != 1 || !(changes.get(0) instanceof Struct change) || change.get("id") == null) {
            return record;
        }
        List<String> id = Identifiers.splitQualified(change.getString("id"), '"');
        if (id.size() != 2) {
            return record;
        }
        String shown;
        try {
            shown = showCreateTable(id.get(0), id.get(1));
        } catch (SQLException e) {
            LOG.warn("Cannot read SHOW CREATE TABLE {} to check its versioned clauses (partitioning): {}",
                    Identifiers.quote(id.get(0), id.get(1)), e.getMessage());
            return record;
        }
        if (shown == null || !shown.contains("/*!")) {
            return record;
        }
        if (!sameWithoutVersionedComments(shown, ddl)) {
            LOG.warn("The definition of {} changed after the snapshot read it; its CREATE TABLE goes as Debezium emitted it, "
                    + "without the clauses the source prints in versioned comments (partitioning): {}",
                    Identifiers.quote(id.get(0), id.get(1)), VERSIONED_COMMENT.matcher(shown).results()
                            .map(m -> m.group().replaceAll("\\s+", " ")).toList());
            return record;
        }
        return withDdl(record, value, shown);
    }

    static boolean sameWithoutVersionedComments(String shown, String emitted) {
        return oneLine(VERSIONED_COMMENT.matcher(shown).replaceAll(" ")).equals(oneLine(emitted));
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").replaceAll(" ?([(),]) ?", "$1").trim();
    }

    private String showCreateTable(String database, String table) throws SQLException {
        if (connection == null || !connection.isValid(2)) {
            close();
            connection = connections.open();
        }
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SHOW CREATE TABLE " + Identifiers.quote(database, table))) {
            return rs.next() ? rs.getString(2) : null;
        }
    }

    private static SourceRecord withDdl(SourceRecord record, Struct value, String ddl) {
        Struct out = new Struct(value.schema());
        for (Field f : value.schema().fields()) {
            out.put(f, value.get(f));
        }
        out.put("ddl", ddl);
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(), record.valueSchema(),
                out, record.timestamp(), record.headers().duplicate());
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing
            }
            connection = null;
        }
    }
}
