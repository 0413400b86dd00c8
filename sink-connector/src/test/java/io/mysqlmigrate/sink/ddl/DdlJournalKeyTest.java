package io.mysqlmigrate.sink.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.dialect.Flavour;
import io.mysqlmigrate.dialect.ObjectContext;
import io.mysqlmigrate.sink.event.SchemaChange;
import io.mysqlmigrate.sink.event.SourcePosition;
import java.util.List;
import org.junit.jupiter.api.Test;

class DdlJournalKeyTest {

    private static SchemaChange change(long offset, String ddl, ObjectContext object) {
        return new SchemaChange(offset, "shop", ddl, List.of(), SourcePosition.UNKNOWN, Flavour.MARIADB, object);
    }

    @Test
    void theSameBinaryLogStatementSentAgainHasTheSameKey() {
        String alter = "ALTER TABLE t ADD COLUMN c INT";
        assertEquals(DdlApplier.journalKey(change(10, alter, null)), DdlApplier.journalKey(change(99, alter, null)));
    }

    @Test
    void aCatalogStatementMadeAgainAtTheSameStreamPositionIsANewStatement() {
        ObjectContext view = new ObjectContext("VIEW", "v", null, "utf8mb4", "utf8mb4_general_ci", null, null);
        String create = "CREATE OR REPLACE VIEW v AS SELECT 1";
        assertNotEquals(DdlApplier.journalKey(change(10, create, view)), DdlApplier.journalKey(change(12, create, view)));
        // the watcher's DROP carries no context, and is an object statement all the same
        assertNotEquals(DdlApplier.journalKey(change(10, "DROP VIEW IF EXISTS v", null)),
                DdlApplier.journalKey(change(12, "DROP VIEW IF EXISTS v", null)));
        assertTrue(DdlApplier.definesObject(change(1, "DROP VIEW IF EXISTS v", null)));
        assertFalse(DdlApplier.definesObject(change(1, "DROP TABLE IF EXISTS v", null)));
    }
}
