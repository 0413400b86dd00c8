package io.mysqlmigrate.sink.apply;

import io.mysqlmigrate.sink.conflict.UniqueClash;
import io.mysqlmigrate.sink.conflict.WriteMode;
import io.mysqlmigrate.sink.event.RowChange;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * Reduces runs of keyed upserts and deletes to the last change of each row, deletes first, then upserts grouped by
 * table and row shape: a transaction of sysbench's kind (update, update, delete, insert of one row) becomes one
 * upsert, and a batch of them a handful of multi-row statements instead of one statement per change (measured:
 * interleaved deletes and upserts broke every multi-row statement into single rows).
 *
 * <p>Sound because the whole batch commits in one destination transaction: only its end state is visible, and the
 * end state of a row is its last change. The statements must still never meet a unique key violation on the way,
 * and reordering alone would: a swap of a secondary unique value between two rows (through a temporary value, as
 * the source must do it) reduced to two upserts has no order in which both succeed. So a row whose secondary unique
 * values at the end of the run differ from those it had at its start (its first change's old image; unknown counts
 * as different) "moves" a unique value, and is deleted in the delete phase and written whole by its upsert. After
 * the deletes every row left holds its end-of-run unique values (a row the run does not touch, or touches without
 * moving a value, keeps them; a row first inserted in the run is absent), and each upsert writes a row's
 * end-of-run values, so every state on the way is a subset of the source's state at the end of the run, which
 * satisfies every unique key. This holds for any sequence of changes (swaps, cycles, values released by a delete or
 * an update and taken by an insert or update, primary key changes as delete + create), given the destination was
 * in the source's state at the start of the run; rows that are not the source's are
 * {@link io.mysqlmigrate.sink.conflict.UniqueKeyGuard}'s. Updates that move no unique value (the common case, and
 * every update of a table without secondary unique keys) still become one upsert per row.
 *
 * <p>Writes that must see every change (plain inserts under a 'fail' policy, upserts that fail on unique clashes,
 * rows without a key) are left where they are and end a run, and so are writes that run the destination's foreign
 * key actions ({@link WriteMode#runsForeignKeyActions()}): everything before them in source order is applied first,
 * so the engine's cascade meets the rows the source's met.
 */
final class WriteCoalescer {

    private WriteCoalescer() {
    }

    /** The first and the last change of one row within a run. */
    private record RowChanges(Planned first, Planned last) {
    }

    static List<Planned> coalesce(List<Planned> plan) {
        List<Planned> out = new ArrayList<>(plan.size());
        Map<List<Object>, RowChanges> run = new LinkedHashMap<>();
        for (Planned p : plan) {
            if (coalescible(p)) {
                List<Object> key = key(p);
                RowChanges earlier = run.remove(key); // re-inserted: the map keeps the order of each row's last change
                run.put(key, new RowChanges(earlier == null ? p : earlier.first(), p));
            } else {
                flush(run, out);
                out.add(p);
            }
        }
        flush(run, out);
        return out;
    }

    private static boolean coalescible(Planned p) {
        return p.identity().keyed() && p.clash() != UniqueClash.FAIL
                && (p.mode() == WriteMode.UPSERT || p.mode() == WriteMode.DELETE_BY_KEY);
    }

    private static void flush(Map<List<Object>, RowChanges> run, List<Planned> out) {
        if (run.isEmpty()) {
            return;
        }
        Map<List<Object>, List<Planned>> deletes = new LinkedHashMap<>();
        Map<List<Object>, List<Planned>> upserts = new LinkedHashMap<>();
        for (RowChanges row : run.values()) {
            Planned p = row.last();
            boolean delete = p.mode() == WriteMode.DELETE_BY_KEY;
            if (delete || movesUniqueValue(row.first(), p)) {
                Planned asDelete = delete ? p : new Planned(p.change(), p.table(), p.identity(), WriteMode.DELETE_BY_KEY,
                        UniqueClash.NONE, p.keyValues());
                deletes.computeIfAbsent(List.of(p.change().database(), p.change().table()), g -> new ArrayList<>()).add(asDelete);
            }
            if (!delete) {
                List<Object> group = new ArrayList<>(List.of(p.change().database(), p.change().table()));
                group.add(new Identity(p.change().after().schema()));
                upserts.computeIfAbsent(group, g -> new ArrayList<>()).add(p);
            }
        }
        deletes.values().forEach(out::addAll);
        upserts.values().forEach(out::addAll);
        run.clear();
    }

    /**
     * Whether the row ends the run with other values in one of its table's secondary unique keys than it started it
     * with. A row first inserted (or read by the snapshot) in the run had none; an update without an old image
     * might have had any.
     */
    static boolean movesUniqueValue(Planned first, Planned last) {
        List<List<String>> uniqueKeys = last.table().uniqueKeys();
        if (uniqueKeys.isEmpty()) {
            return false;
        }
        RowChange.Operation op = first.change().operation();
        if (op == RowChange.Operation.INSERT || op == RowChange.Operation.READ) {
            return false;
        }
        Struct before = first.change().before();
        Struct after = last.change().after();
        if (before == null) {
            return true;
        }
        for (List<String> unique : uniqueKeys) {
            if (unique.equals(last.identity().columns())) {
                continue;
            }
            for (String column : unique) {
                if (!Objects.deepEquals(value(before, column), value(after, column))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Object value(Struct row, String column) {
        return row.schema().field(column) == null ? null : row.getWithoutDefault(column);
    }

    /** Table and identity values; byte arrays compared by content. */
    private static List<Object> key(Planned p) {
        List<Object> key = new ArrayList<>(p.identity().columns().size() + 2);
        key.add(p.change().database());
        key.add(p.change().table());
        for (String column : p.identity().columns()) {
            Object v = p.keyValues().getWithoutDefault(column);
            key.add(v instanceof byte[] b ? ByteBuffer.wrap(b) : v);
        }
        return key;
    }

    /** A schema compared by identity (equal shapes from one capture share the object; cheap either way). */
    private record Identity(Schema schema) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.schema == schema;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(schema);
        }
    }
}
