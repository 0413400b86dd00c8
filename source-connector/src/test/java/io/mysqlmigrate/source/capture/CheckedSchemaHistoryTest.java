package io.mysqlmigrate.source.capture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.debezium.relational.history.HistoryRecord;
import io.debezium.relational.history.SchemaHistoryException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckedSchemaHistoryTest {

    @Test
    void aStatementDebeziumMisreadsIsRefusedBeforeItIsStored() {
        String swap = "ALTER TABLE t RENAME COLUMN a TO b, RENAME COLUMN b TO a";
        HistoryRecord record = new HistoryRecord(Map.of("server", "s"), Map.of("pos", 1L), "shop", null, swap, null,
                Instant.now());
        SchemaHistoryException e = assertThrows(SchemaHistoryException.class,
                () -> new CheckedSchemaHistory().storeRecord(record));
        assertTrue(e.getMessage().contains("table t (database `shop`) cannot be captured"), e.getMessage());
        assertTrue(e.getMessage().contains("Statement: " + swap), e.getMessage());
    }
}
