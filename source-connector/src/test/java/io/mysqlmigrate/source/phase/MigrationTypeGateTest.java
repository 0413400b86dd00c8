package io.mysqlmigrate.source.phase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class MigrationTypeGateTest {

    private static final Schema SOURCE = SchemaBuilder.struct().field("db", Schema.STRING_SCHEMA)
            .field("snapshot", Schema.OPTIONAL_STRING_SCHEMA).build();
    private static final Schema ROW = SchemaBuilder.struct().field("op", Schema.STRING_SCHEMA).field("source", SOURCE).build();
    private static final Schema DDL = SchemaBuilder.struct().field("source", SOURCE).field("databaseName", Schema.STRING_SCHEMA)
            .field("ddl", Schema.STRING_SCHEMA).build();

    static SourceRecord row(String snapshot) {
        Struct v = new Struct(ROW).put("op", snapshot == null || snapshot.equals("false") ? "c" : "r")
                .put("source", new Struct(SOURCE).put("db", "shop").put("snapshot", snapshot));
        return new SourceRecord(Map.of(), Map.of(), "t", ROW, v);
    }

    static SourceRecord ddl(String snapshot) {
        Struct v = new Struct(DDL).put("databaseName", "shop").put("ddl", "CREATE TABLE t (id INT)")
                .put("source", new Struct(SOURCE).put("db", "shop").put("snapshot", snapshot));
        return new SourceRecord(Map.of(), Map.of(), "t", DDL, v);
    }

    @Test
    void snapshotMarkersAreReadAsDebeziumWritesThem() {
        for (String marker : new String[] {"true", "first", "last", "first_in_data_collection", "last_in_data_collection"}) {
            assertTrue(SnapshotRecords.isSnapshot(row(marker)), marker);
        }
        assertFalse(SnapshotRecords.isSnapshot(row("false")));
        assertFalse(SnapshotRecords.isSnapshot(row(null)));
        assertFalse(SnapshotRecords.isSnapshot(row("incremental")));
    }

    @Test
    void theZeroDowntimeMoveForwardsEverything() {
        MigrationTypeGate gate = new MigrationTypeGate(EnumSet.allOf(MigrationType.class));
        assertTrue(gate.passes(ddl("true")) && gate.passes(row("last")) && gate.passes(row("false")) && gate.passes(ddl("false")));
    }

    @Test
    void withoutSchemaTheSnapshotDdlIsHeldBackButStreamedDdlIsNot() {
        MigrationTypeGate gate = new MigrationTypeGate(Set.of(MigrationType.FULL, MigrationType.INCREMENTAL));
        assertFalse(gate.passes(ddl("true")));
        assertTrue(gate.passes(row("true")));
        assertTrue(gate.passes(ddl("false")));
        assertTrue(gate.passes(row("false")));
    }

    @Test
    void withoutIncrementalNothingStreamedGetsThrough() {
        MigrationTypeGate gate = new MigrationTypeGate(Set.of(MigrationType.SCHEMA));
        assertTrue(gate.passes(ddl("true")));
        assertFalse(gate.passes(ddl("false")));
        assertFalse(gate.passes(row("false")));
    }

    @Test
    void recordsThatAreNoChangesPass() {
        MigrationTypeGate gate = new MigrationTypeGate(Set.of(MigrationType.FULL));
        assertTrue(gate.passes(new SourceRecord(Map.of(), Map.of(), "__debezium-heartbeat.x", Schema.STRING_SCHEMA, "beat")));
    }

    @Test
    void theCompletionMarkerIsItsOwnPartitionOutsideTheDatabaseTopics() {
        SourceRecord marker = CompletionMarker.record("m1", Set.of(MigrationType.SCHEMA, MigrationType.FULL), Instant.EPOCH);
        assertTrue(CompletionMarker.isMarker(marker));
        assertFalse(CompletionMarker.isMarker(row("true")));
        assertEquals("_mysql_migrate.m1.status", marker.topic());
        assertEquals("completed", marker.sourceOffset().get("phase"));
        assertEquals("schema,full", marker.sourceOffset().get("migration.types"));
        assertTrue(CompletionMarker.alreadyCompleted(new FixedOffsets(Map.of("phase", "completed")), "m1"));
        assertFalse(CompletionMarker.alreadyCompleted(new FixedOffsets(null), "m1"));
    }

    private record FixedOffsets(Map<String, Object> offset) implements org.apache.kafka.connect.storage.OffsetStorageReader {
        @Override
        public <T> Map<String, Object> offset(Map<String, T> partition) {
            return partition.equals(CompletionMarker.partition("m1")) ? offset : null;
        }

        @Override
        public <T> Map<Map<String, T>, Map<String, Object>> offsets(java.util.Collection<Map<String, T>> partitions) {
            throw new UnsupportedOperationException();
        }
    }
}
