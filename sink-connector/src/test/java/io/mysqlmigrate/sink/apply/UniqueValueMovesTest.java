package io.mysqlmigrate.sink.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mysqlmigrate.sink.conflict.ConflictPolicies;
import io.mysqlmigrate.sink.conflict.FullLoadConflictPolicy;
import io.mysqlmigrate.sink.conflict.IncrementalConflictPolicy;
import io.mysqlmigrate.sink.conflict.NoPrimaryKeyPolicy;
import io.mysqlmigrate.sink.conflict.TableConflictPolicy;
import io.mysqlmigrate.sink.conflict.WriteMode;
import io.mysqlmigrate.sink.event.RowChange;
import io.mysqlmigrate.sink.event.SourcePosition;
import io.mysqlmigrate.sink.table.DestinationTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

/**
 * The reduced plan of a batch, applied statement row by statement row to a model of a destination table with a
 * primary key and two secondary unique keys, never meets a unique key violation (nor an insert that would fall onto
 * another row's unique value, which ON DUPLICATE KEY UPDATE would silently rewrite) and ends in the source's state.
 * The source is a model too: random transactions of valid changes, each checked against the constraints as the
 * source server checks them, emitted as Debezium emits them (a primary key change as delete + create).
 */
class UniqueValueMovesTest {

    private static final Schema KEY = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).build();
    private static final Schema ROW = SchemaBuilder.struct().optional().field("id", Schema.INT32_SCHEMA)
            .field("code", Schema.STRING_SCHEMA).field("tag", Schema.OPTIONAL_STRING_SCHEMA).field("v", Schema.OPTIONAL_INT32_SCHEMA).build();
    private static final DestinationTable TABLE = new DestinationTable("db", "u", List.of("id", "code", "tag", "v"), Set.of(),
            Set.of("tag", "v"), List.of("id"), List.of(List.of("code"), List.of("tag")));
    private static final RowIdentity PK = new RowIdentity(RowIdentity.Kind.PRIMARY_KEY, List.of("id"));
    private static final List<String> CODES = List.of("A", "B", "C", "D", "E", "F", "G");

    private record Row(String code, String tag, int v) {
    }

    /** A table as a server keeps it: every write checked against the primary key and both unique keys. */
    private static final class Table {
        final Map<Integer, Row> rows = new TreeMap<>();

        Table copy() {
            Table t = new Table();
            t.rows.putAll(rows);
            return t;
        }

        /** Who else holds one of the row's unique values, or null. */
        Integer holder(int id, Row row) {
            for (Map.Entry<Integer, Row> e : rows.entrySet()) {
                if (e.getKey() != id && (e.getValue().code.equals(row.code)
                        || row.tag != null && row.tag.equals(e.getValue().tag))) {
                    return e.getKey();
                }
            }
            return null;
        }

        boolean canWrite(int id, Row row) {
            return holder(id, row) == null;
        }
    }

    /** The source: random valid changes, recorded as change events. */
    private static final class Source {
        final Table table = new Table();
        final Random random;
        final List<RowChange> events = new ArrayList<>();
        int tmp;

        Source(Random random) {
            this.random = random;
        }

        void insert(int id, Row row) {
            table.rows.put(id, row);
            events.add(change(RowChange.Operation.INSERT, id, null, row));
        }

        void update(int id, Row row) {
            Row old = table.rows.put(id, row);
            events.add(change(RowChange.Operation.UPDATE, id, old, row));
        }

        void delete(int id) {
            Row old = table.rows.remove(id);
            events.add(change(RowChange.Operation.DELETE, id, old, null));
        }

        String freeCode() {
            List<String> free = CODES.stream().filter(c -> table.rows.values().stream().noneMatch(r -> r.code.equals(c))).toList();
            return free.isEmpty() ? "T" + (tmp++) : free.get(random.nextInt(free.size()));
        }

        Integer anyRow() {
            if (table.rows.isEmpty()) {
                return null;
            }
            List<Integer> ids = new ArrayList<>(table.rows.keySet());
            return ids.get(random.nextInt(ids.size()));
        }

        String randomTag() {
            return random.nextInt(3) == 0 ? null : "t" + random.nextInt(5);
        }

        /** One statement's worth of changes, each valid where the source applies it. */
        void randomStatement() {
            Integer id = anyRow();
            switch (random.nextInt(9)) {
                case 0 -> { // INSERT
                    int newId = 1 + random.nextInt(12);
                    Row row = new Row(CODES.get(random.nextInt(CODES.size())), randomTag(), random.nextInt(100));
                    if (!table.rows.containsKey(newId) && table.canWrite(newId, row)) {
                        insert(newId, row);
                    }
                }
                case 1 -> { // DELETE
                    if (id != null) {
                        delete(id);
                    }
                }
                case 2 -> { // an update of other columns only
                    if (id != null) {
                        Row r = table.rows.get(id);
                        update(id, new Row(r.code, r.tag, r.v + 1));
                    }
                }
                case 3 -> { // an update to any unique values free at the time
                    if (id != null) {
                        Row r = new Row(random.nextBoolean() ? freeCode() : table.rows.get(id).code, randomTag(), random.nextInt(100));
                        if (table.canWrite(id, r)) {
                            update(id, r);
                        }
                    }
                }
                case 4 -> { // a swap or a cycle of codes through a temporary value
                    List<Integer> ids = new ArrayList<>(table.rows.keySet());
                    java.util.Collections.shuffle(ids, random);
                    List<Integer> cycle = ids.subList(0, Math.min(ids.size(), 2 + random.nextInt(3)));
                    if (cycle.size() >= 2) {
                        List<String> codes = cycle.stream().map(i -> table.rows.get(i).code).toList();
                        Row first = table.rows.get(cycle.get(0));
                        update(cycle.get(0), new Row("TMP" + (tmp++), first.tag, first.v));
                        for (int i = 1; i < cycle.size(); i++) {
                            Row r = table.rows.get(cycle.get(i));
                            update(cycle.get(i), new Row(codes.get(i - 1), r.tag, r.v));
                        }
                        Row r = table.rows.get(cycle.get(0));
                        update(cycle.get(0), new Row(codes.get(cycle.size() - 1), r.tag, r.v));
                    }
                }
                case 5 -> { // a primary key change: Debezium's delete + create, possibly with a new code
                    int newId = 1 + random.nextInt(12);
                    if (id != null && !table.rows.containsKey(newId)) {
                        Row r = table.rows.get(id);
                        Row moved = random.nextBoolean() ? r : new Row(freeCode(), r.tag, r.v);
                        delete(id);
                        if (table.canWrite(newId, moved)) {
                            insert(newId, moved);
                        } else {
                            insert(newId, r);
                        }
                    }
                }
                case 6 -> { // REPLACE INTO u VALUES (newId, code of another row, ...): the holder deleted, then written
                    Integer holder = anyRow();
                    if (holder != null) {
                        int newId = 1 + random.nextInt(12);
                        Row row = new Row(table.rows.get(holder).code, null, random.nextInt(100));
                        if (newId != holder) {
                            delete(holder);
                        }
                        Integer other = table.holder(newId, row);
                        if (other == null) {
                            if (table.rows.containsKey(newId)) {
                                update(newId, row);
                            } else {
                                insert(newId, row);
                            }
                        }
                    }
                }
                case 7 -> { // UPDATE u SET code = CONCAT(code, 'x'): every row, in primary key order, each valid when written
                    Table trial = table.copy();
                    for (int rowId : trial.rows.keySet()) {
                        Row r = trial.rows.get(rowId);
                        Row n = new Row(r.code + "x", r.tag, r.v);
                        if (!trial.canWrite(rowId, n)) {
                            return; // the source statement fails here and its transaction is not logged
                        }
                        trial.rows.put(rowId, n);
                    }
                    for (int rowId : new ArrayList<>(table.rows.keySet())) {
                        Row r = table.rows.get(rowId);
                        update(rowId, new Row(r.code + "x", r.tag, r.v));
                    }
                }
                default -> { // a value released by a delete and taken by another row
                    Integer other = anyRow();
                    if (id != null && other != null && !id.equals(other)) {
                        Row released = table.rows.get(id);
                        delete(id);
                        Row r = table.rows.get(other);
                        update(other, new Row(released.code, r.tag, r.v));
                    }
                }
            }
        }
    }

    private static RowChange change(RowChange.Operation op, int id, Row before, Row after) {
        return new RowChange(0, "db", "u", op, new Struct(KEY).put("id", id), struct(id, before), struct(id, after), SourcePosition.UNKNOWN);
    }

    private static Struct struct(int id, Row row) {
        return row == null ? null : new Struct(ROW).put("id", id).put("code", row.code).put("tag", row.tag).put("v", row.v);
    }

    private static List<Planned> plan(List<RowChange> changes, ConflictPolicies policies) {
        List<Planned> plan = new ArrayList<>();
        for (RowChange ch : changes) {
            WriteMode mode = policies.keyedWriteMode(ch.operation());
            plan.add(new Planned(ch, TABLE, PK, mode, policies.uniqueClash(ch.operation(), mode), ch.key()));
        }
        return plan;
    }

    /** Applies the plan as the destination executes it, failing on anything the server would reject or misapply. */
    private static void apply(List<Planned> plan, Table destination, String context) {
        for (Planned p : plan) {
            int id = p.keyValues().getInt32("id");
            Struct after = p.change().after();
            switch (p.mode()) {
                case DELETE_BY_KEY -> destination.rows.remove(id);
                case UPSERT, INSERT -> {
                    Row row = new Row(after.getString("code"), after.getString("tag"), after.getInt32("v"));
                    Integer holder = destination.holder(id, row);
                    if (holder != null) {
                        fail("unique value of row " + id + " " + row + " held by row " + holder + " " + destination.rows.get(holder)
                                + " when written\n" + context);
                    }
                    if (p.mode() == WriteMode.INSERT && destination.rows.containsKey(id)) {
                        fail("duplicate primary key " + id + "\n" + context);
                    }
                    destination.rows.put(id, row);
                }
                default -> fail("unexpected write mode " + p.mode());
            }
        }
    }

    private static void check(long seed, ConflictPolicies policies) {
        Random random = new Random(seed);
        Source source = new Source(random);
        for (int i = 1; i <= 5; i++) {
            source.table.rows.put(i, new Row(CODES.get(i - 1), random.nextBoolean() ? "t" + i : null, i));
        }
        Table destination = source.table.copy();
        for (int batch = 0; batch < 4; batch++) {
            source.events.clear();
            int statements = 1 + random.nextInt(8);
            for (int s = 0; s < statements; s++) {
                source.randomStatement();
            }
            List<Planned> reduced = WriteCoalescer.coalesce(plan(source.events, policies));
            String context = "seed " + seed + ", batch " + batch + ", events:\n" + String.join("\n", source.events.stream()
                    .map(e -> e.operation() + " " + e.key() + " " + e.before() + " -> " + e.after()).toList());
            apply(reduced, destination, context);
            assertEquals(source.table.rows, destination.rows, context);
        }
    }

    @Test
    void theReducedPlanNeverViolatesAUniqueKeyAndEndsInTheSourcesState() {
        for (long seed = 0; seed < 3000; seed++) {
            check(seed, ConflictPolicies.DEFAULTS);
        }
    }

    @Test
    void underTheFailPolicyChangesStayInSourceOrderAndEndTheSame() {
        ConflictPolicies fail = new ConflictPolicies(TableConflictPolicy.PRECHECK, FullLoadConflictPolicy.FAIL,
                IncrementalConflictPolicy.FAIL, NoPrimaryKeyPolicy.FAIL);
        for (long seed = 0; seed < 500; seed++) {
            check(seed, fail);
        }
    }

    @Test
    void theUserReportedSwapBecomesDeletesThenUpserts() {
        Source source = new Source(new Random(1));
        source.table.rows.put(1, new Row("A", null, 0));
        source.table.rows.put(2, new Row("B", null, 0));
        Table destination = source.table.copy();
        source.update(1, new Row("TMP", null, 0));
        source.update(2, new Row("A", null, 0));
        source.update(1, new Row("B", null, 0));
        List<Planned> reduced = WriteCoalescer.coalesce(plan(source.events, ConflictPolicies.DEFAULTS));
        assertEquals(List.of("DELETE_BY_KEY 2", "DELETE_BY_KEY 1", "UPSERT 2", "UPSERT 1"),
                reduced.stream().map(p -> p.mode() + " " + p.keyValues().get("id")).toList());
        apply(reduced, destination, "swap");
        assertEquals(source.table.rows, destination.rows);
    }

    @Test
    void updatesThatMoveNoUniqueValueStillBecomeOneUpsertPerRow() {
        Source source = new Source(new Random(1));
        for (int i = 1; i <= 4; i++) {
            source.table.rows.put(i, new Row(CODES.get(i - 1), "t" + i, 0));
        }
        for (int round = 1; round <= 3; round++) {
            for (int i = 1; i <= 4; i++) {
                Row r = source.table.rows.get(i);
                source.update(i, new Row(r.code, r.tag, round));
            }
        }
        source.insert(9, new Row("G", null, 0));
        List<Planned> reduced = WriteCoalescer.coalesce(plan(source.events, ConflictPolicies.DEFAULTS));
        assertTrue(reduced.stream().allMatch(p -> p.mode() == WriteMode.UPSERT), reduced.toString());
        assertEquals(List.of(1, 2, 3, 4, 9), reduced.stream().map(p -> p.keyValues().get("id")).toList());
        assertTrue(reduced.get(0).sameStatementAs(reduced.get(4)), "one multi-row statement");
    }
}
