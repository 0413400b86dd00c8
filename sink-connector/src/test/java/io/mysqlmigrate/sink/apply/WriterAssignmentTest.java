package io.mysqlmigrate.sink.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mysqlmigrate.sink.conflict.UniqueClash;
import io.mysqlmigrate.sink.conflict.WriteMode;
import io.mysqlmigrate.sink.event.RowChange;
import io.mysqlmigrate.sink.event.SourcePosition;
import io.mysqlmigrate.sink.table.DestinationTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class WriterAssignmentTest {

    private static final Schema KEY = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).build();
    private static final Schema ROW = SchemaBuilder.struct().optional().field("id", Schema.INT32_SCHEMA).build();
    private static final DestinationTable PLAIN = new DestinationTable("db", "plain", List.of("id"), Set.of(), Set.of(), List.of("id"), List.of());
    private static final DestinationTable UNIQUE = new DestinationTable("db", "uniq", List.of("id", "u"), Set.of(), Set.of(),
            List.of("id"), List.of(List.of("u")));

    private static Planned write(DestinationTable table, WriteMode mode, UniqueClash clash, int id) {
        Struct key = new Struct(KEY).put("id", id);
        Struct row = new Struct(ROW).put("id", id);
        RowChange change = new RowChange(id, "db", table.table(), RowChange.Operation.UPDATE, key, null, row, SourcePosition.UNKNOWN);
        return new Planned(change, table, new RowIdentity(RowIdentity.Kind.PRIMARY_KEY, List.of("id")), mode, clash, key);
    }

    @Test
    void eachRowStaysOnOneWriterInOrderAndKeysSpreadOverAllWriters() {
        List<Planned> plan = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int id = 1; id <= 200; id++) {
                plan.add(write(PLAIN, round == 1 ? WriteMode.DELETE_BY_KEY : WriteMode.UPSERT, UniqueClash.DELETE_OTHER, id));
            }
        }
        Map<Planned, Integer> position = new java.util.IdentityHashMap<>();
        for (int i = 0; i < plan.size(); i++) {
            position.put(plan.get(i), i);
        }
        List<List<Planned>> parts = WriterAssignment.assign(plan, 4);
        Map<Integer, Integer> writerOfId = new HashMap<>();
        for (int w = 0; w < parts.size(); w++) {
            assertTrue(parts.get(w).size() > 60, "writer " + w + " got " + parts.get(w).size() + " of 600 writes");
            int lastIndex = -1;
            for (Planned p : parts.get(w)) {
                Integer earlier = writerOfId.put((Integer) p.keyValues().get("id"), w);
                assertTrue(earlier == null || earlier == w, "one row on two writers");
                int index = position.get(p);
                assertTrue(index > lastIndex, "a writer's writes keep the batch's order");
                lastIndex = index;
            }
        }
    }

    @Test
    void aTableWithASecondaryUniqueKeyStaysOnOneWriter() {
        List<Planned> plan = new ArrayList<>();
        for (int id = 1; id <= 100; id++) {
            plan.add(write(UNIQUE, WriteMode.UPSERT, UniqueClash.DELETE_OTHER, id));
        }
        assertEquals(1, WriterAssignment.assign(plan, 4).stream().filter(part -> !part.isEmpty()).count());
    }

    @Test
    void onlyIdempotentKeyedWritesAreSpread() {
        assertTrue(WriterAssignment.spreadable(List.of(write(PLAIN, WriteMode.UPSERT, UniqueClash.DELETE_OTHER, 1),
                write(PLAIN, WriteMode.INSERT_KEEP_EXISTING, UniqueClash.NONE, 2), write(PLAIN, WriteMode.DELETE_BY_KEY, UniqueClash.NONE, 3))));
        assertFalse(WriterAssignment.spreadable(List.of(write(PLAIN, WriteMode.INSERT, UniqueClash.NONE, 1))), "insert under 'fail'");
        assertFalse(WriterAssignment.spreadable(List.of(write(PLAIN, WriteMode.UPSERT, UniqueClash.FAIL, 1))), "unique clash fails");
    }
}
