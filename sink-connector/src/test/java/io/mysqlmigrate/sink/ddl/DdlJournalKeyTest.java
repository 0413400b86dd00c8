package io.mysqlmigrate.sink.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.mysqlmigrate.dialect.Flavour;
import io.mysqlmigrate.dialect.ObjectContext;
import io.mysqlmigrate.sink.event.SchemaChange;
import io.mysqlmigrate.sink.event.SourcePosition;
import java.util.List;
import org.junit.jupiter.api.Test;

class DdlJournalKeyTest {

    private static SchemaChange change(long offset, ObjectContext object) {
        return new SchemaChange(offset, "shop", "CREATE OR REPLACE VIEW v AS SELECT 1", List.of(), SourcePosition.UNKNOWN,
                Flavour.MARIADB, object);
    }

    @Test
    void theSameBinaryLogStatementSentAgainHasTheSameKey() {
        assertEquals(DdlApplier.journalKey(change(10, null)), DdlApplier.journalKey(change(99, null)));
    }

    @Test
    void aCatalogStatementMadeAgainAtTheSameStreamPositionIsANewStatement() {
        ObjectContext view = new ObjectContext("VIEW", "v", null, "utf8mb4", "utf8mb4_general_ci", null, null);
        assertNotEquals(DdlApplier.journalKey(change(10, view)), DdlApplier.journalKey(change(12, view)));
    }
}
