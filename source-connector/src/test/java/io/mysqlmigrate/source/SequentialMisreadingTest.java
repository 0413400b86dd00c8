package io.mysqlmigrate.source;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class SequentialMisreadingTest {

    private static final Schema SCHEMA_CHANGE = SchemaBuilder.struct()
            .field("databaseName", Schema.OPTIONAL_STRING_SCHEMA)
            .field("ddl", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    @Test
    void aStreamedColumnSwapStopsTheMigrationNamingTheStatementAndTable() {
        String swap = "ALTER TABLE t RENAME COLUMN new_name TO other, RENAME COLUMN other TO new_name";
        ConnectException e = assertThrows(ConnectException.class,
                () -> MigrationSourceTask.refuseSequentialMisreading(record("shop", swap)));
        assertTrue(e.getMessage().contains("table t (database `shop`)"), e.getMessage());
        assertTrue(e.getMessage().contains("Statement: " + swap), e.getMessage());
        assertTrue(e.getMessage().contains("Fix:"), e.getMessage());
    }

    @Test
    void anAlterRenameToAnUnqualifiedNameWithABacktickStopsTheMigration() {
        String rename = "ALTER TABLE `group by \"name\"` RENAME TO `ta``ble`";
        ConnectException e = assertThrows(ConnectException.class,
                () -> MigrationSourceTask.refuseSequentialMisreading(record("shop", rename)));
        assertTrue(e.getMessage().contains("table `group by \"name\"` (database `shop`)"), e.getMessage());
        assertTrue(e.getMessage().contains("Statement: " + rename), e.getMessage());
        assertTrue(e.getMessage().contains("RENAME TABLE"), e.getMessage());
    }

    @Test
    void otherStatementsPass() {
        assertDoesNotThrow(() -> MigrationSourceTask.refuseSequentialMisreading(
                record("shop", "ALTER TABLE t RENAME COLUMN b TO c, RENAME COLUMN a TO b")));
    }

    private static SourceRecord record(String database, String ddl) {
        Struct value = new Struct(SCHEMA_CHANGE).put("databaseName", database).put("ddl", ddl);
        return new SourceRecord(Map.of(), Map.of(), "t", null, null, SCHEMA_CHANGE, value);
    }
}
