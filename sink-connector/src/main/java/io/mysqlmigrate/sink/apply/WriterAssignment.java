package io.mysqlmigrate.sink.apply;

import io.mysqlmigrate.sink.conflict.UniqueClash;
import io.mysqlmigrate.sink.conflict.WriteMode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Spreads a batch's planned writes over N writer connections so that writes which could touch the same destination
 * row stay on one writer, in order: by table and primary key values, and by table alone when the table has a
 * secondary unique key (two rows with different keys can then meet on a unique value, and the unique-key guard
 * must see them in order). Only batches made entirely of idempotent keyed writes are spread; anything else (plain
 * inserts under a 'fail' policy, writes by whole-row image) keeps the whole batch on one writer.
 */
final class WriterAssignment {

    private WriterAssignment() {
    }

    /** Whether the writes can be spread at all. */
    static boolean spreadable(List<Planned> plan) {
        for (Planned p : plan) {
            boolean keyedIdempotent = p.identity().keyed() && p.clash() != UniqueClash.FAIL
                    && (p.mode() == WriteMode.UPSERT || p.mode() == WriteMode.DELETE_BY_KEY || p.mode() == WriteMode.INSERT_KEEP_EXISTING
                    || p.mode() == WriteMode.SKIP);
            if (!keyedIdempotent) {
                return false;
            }
        }
        return true;
    }

    /** The writes of each writer, each list in the batch's order. */
    static List<List<Planned>> assign(List<Planned> plan, int writers) {
        List<List<Planned>> out = new ArrayList<>(writers);
        for (int i = 0; i < writers; i++) {
            out.add(new ArrayList<>());
        }
        for (Planned p : plan) {
            out.get(Math.floorMod(spreadKey(p), writers)).add(p);
        }
        return out;
    }

    private static int spreadKey(Planned p) {
        int h = Objects.hash(p.change().database(), p.change().table());
        if (!p.table().uniqueKeys().isEmpty()) {
            return h;
        }
        for (String column : p.identity().columns()) {
            Object v = p.keyValues().getWithoutDefault(column);
            h = 31 * h + (v instanceof byte[] b ? ByteBuffer.wrap(b).hashCode() : Objects.hashCode(v));
        }
        return mix(h);
    }

    /** Spreads nearby integers (consecutive ids) over all writers. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }
}
