package io.mysqlmigrate.sink.apply;

import io.mysqlmigrate.sink.conflict.UniqueClash;
import io.mysqlmigrate.sink.conflict.WriteMode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;

/**
 * Reduces runs of keyed upserts and deletes to the last change of each row, deletes first, then upserts grouped by
 * table and row shape: a transaction of sysbench's kind (update, update, delete, insert of one row) becomes one
 * upsert, and a batch of them a handful of multi-row statements instead of one statement per change (measured:
 * interleaved deletes and upserts broke every multi-row statement into single rows).
 *
 * <p>Sound because the whole batch commits in one destination transaction: only its end state is visible, and the
 * end state of a row is its last change. Deletes go first so an upsert never meets a row the source has deleted;
 * a secondary unique value moving between rows is settled by {@link io.mysqlmigrate.sink.conflict.UniqueKeyGuard}
 * as without reduction. Writes that must see every change (plain inserts under a 'fail' policy, upserts that fail on
 * unique clashes, rows without a key) are left where they are and end a run.
 */
final class WriteCoalescer {

    private WriteCoalescer() {
    }

    static List<Planned> coalesce(List<Planned> plan) {
        List<Planned> out = new ArrayList<>(plan.size());
        Map<List<Object>, Planned> run = new LinkedHashMap<>();
        for (Planned p : plan) {
            if (coalescible(p)) {
                List<Object> key = key(p);
                run.remove(key); // re-inserted: the map keeps the order of each row's last change
                run.put(key, p);
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

    private static void flush(Map<List<Object>, Planned> run, List<Planned> out) {
        if (run.isEmpty()) {
            return;
        }
        Map<List<Object>, List<Planned>> deletes = new LinkedHashMap<>();
        Map<List<Object>, List<Planned>> upserts = new LinkedHashMap<>();
        for (Planned p : run.values()) {
            boolean delete = p.mode() == WriteMode.DELETE_BY_KEY;
            Schema shape = delete ? null : p.change().after().schema();
            List<Object> group = new ArrayList<>(List.of(p.change().database(), p.change().table()));
            group.add(shape == null ? "" : new Identity(shape));
            (delete ? deletes : upserts).computeIfAbsent(group, g -> new ArrayList<>()).add(p);
        }
        deletes.values().forEach(out::addAll);
        upserts.values().forEach(out::addAll);
        run.clear();
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
