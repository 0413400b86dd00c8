package io.mysqlmigrate.sink.conflict;

import io.mysqlmigrate.sink.config.ConfigChoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mysqlmigrate.sink.event.RowChange.Operation;
import org.junit.jupiter.api.Test;

class ConflictPoliciesTest {

    private static ConflictPolicies with(FullLoadConflictPolicy full, IncrementalConflictPolicy incremental) {
        return new ConflictPolicies(TableConflictPolicy.PRECHECK, full, incremental, NoPrimaryKeyPolicy.FAIL);
    }

    @Test
    void dtsDefaultsKeepTheDestinationRowInTheFullLoadAndOverwriteIncrementally() {
        ConflictPolicies p = ConflictPolicies.DEFAULTS;
        assertEquals(WriteMode.INSERT_KEEP_EXISTING, p.keyedWriteMode(Operation.READ));
        assertEquals(WriteMode.UPSERT, p.keyedWriteMode(Operation.INSERT));
        assertEquals(WriteMode.UPSERT, p.keyedWriteMode(Operation.UPDATE));
        assertEquals(WriteMode.DELETE_BY_KEY, p.keyedWriteMode(Operation.DELETE));
        assertEquals(UniqueClash.NONE, p.uniqueClash(Operation.READ, WriteMode.INSERT_KEEP_EXISTING));
        assertEquals(UniqueClash.DELETE_OTHER, p.uniqueClash(Operation.INSERT, WriteMode.UPSERT));
    }

    @Test
    void failPoliciesInsertPlainlyAndNeverOverwriteAnotherRow() {
        ConflictPolicies p = with(FullLoadConflictPolicy.FAIL, IncrementalConflictPolicy.FAIL);
        assertEquals(WriteMode.INSERT, p.keyedWriteMode(Operation.READ));
        assertEquals(WriteMode.INSERT, p.keyedWriteMode(Operation.INSERT));
        assertEquals(WriteMode.UPSERT, p.keyedWriteMode(Operation.UPDATE), "an update of a missing row still inserts it");
        assertEquals(UniqueClash.FAIL, p.uniqueClash(Operation.UPDATE, WriteMode.UPSERT));
    }

    @Test
    void overwriteInTheFullLoadUpsertsAndClearsUniqueClashes() {
        ConflictPolicies p = with(FullLoadConflictPolicy.OVERWRITE, IncrementalConflictPolicy.FAIL);
        assertEquals(WriteMode.UPSERT, p.keyedWriteMode(Operation.READ));
        assertEquals(UniqueClash.DELETE_OTHER, p.uniqueClash(Operation.READ, WriteMode.UPSERT));
    }

    @Test
    void tablesWithoutAnyKeyMatchOnTheOldImageOrOnlyAppend() {
        ConflictPolicies all = new ConflictPolicies(TableConflictPolicy.PRECHECK, FullLoadConflictPolicy.KEEP_DESTINATION,
                IncrementalConflictPolicy.OVERWRITE, NoPrimaryKeyPolicy.ALL_COLUMNS);
        assertEquals(WriteMode.UPDATE_BY_IMAGE, all.unkeyedWriteMode(Operation.UPDATE));
        assertEquals(WriteMode.DELETE_BY_IMAGE, all.unkeyedWriteMode(Operation.DELETE));
        ConflictPolicies append = new ConflictPolicies(TableConflictPolicy.PRECHECK, FullLoadConflictPolicy.KEEP_DESTINATION,
                IncrementalConflictPolicy.OVERWRITE, NoPrimaryKeyPolicy.APPEND_ONLY);
        assertEquals(WriteMode.INSERT, append.unkeyedWriteMode(Operation.INSERT));
        assertEquals(WriteMode.SKIP, append.unkeyedWriteMode(Operation.DELETE));
    }

    @Test
    void settingsAreSpelledAsUsersWriteThem() {
        assertEquals(FullLoadConflictPolicy.KEEP_DESTINATION, ConfigChoice.parse(FullLoadConflictPolicy.class, "Keep-Destination"));
        assertEquals("append-only", NoPrimaryKeyPolicy.APPEND_ONLY.configValue());
        assertThrows(IllegalArgumentException.class, () -> ConfigChoice.parse(TableConflictPolicy.class, "maybe"));
    }
}
