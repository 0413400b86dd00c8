package io.mysqlmigrate.sink.conflict;

import io.mysqlmigrate.sink.event.RowChange;
import io.mysqlmigrate.sink.retry.PolicyStopException;
import io.mysqlmigrate.sink.table.DestinationTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps an upsert from overwriting a different row. {@code ON DUPLICATE KEY UPDATE} fires on any unique key, so a
 * row arriving with a unique value that another destination row holds (under a different primary key) would
 * silently rewrite that other row. Before the upsert the rows holding one of its unique values are found, and
 * deleted (overwrite) or reported (fail). This class decides which keys and rows are guarded and what a clash means;
 * the row writer runs the statements ({@code apply.UniqueKeyClearing}).
 *
 * <p>Which rows: under overwrite the changes were reduced to each row's last image and a row that moved a unique
 * value was deleted first (see {@code WriteCoalescer}), so with the destination in the source's state every row
 * still holding a value of the chunk is the row that ends with it; any other holder, in the chunk or not, is not the
 * source's (a row the destination had of its own, or a state ahead of the source's after a replay) and is deleted,
 * and a holder that is itself in the chunk is written again whole by the upsert. Under fail the changes are applied
 * one by one in source order, so a row of the chunk holding the value may release it earlier in the same statement:
 * only rows outside the chunk are reported.
 */
public final class UniqueKeyGuard {

    /**
     * One unique key to guard for a chunk of upserts.
     *
     * @param unique the key's columns
     * @param candidates the changes whose new image holds a whole value of it
     * @param deleteOthers true: other rows holding those values are deleted (overwrite); false: one is reported (fail),
     *                     and a holder counts as other only when it is outside the whole chunk
     */
    public record Guard(List<String> unique, List<RowChange> candidates, boolean deleteOthers) {
    }

    private UniqueKeyGuard() {
    }

    /**
     * The unique keys of {@code table} other than the row identity that the chunk's upserts must be guarded on.
     *
     * @param identity the columns that identify rows (the primary key)
     */
    public static List<Guard> guards(DestinationTable table, List<String> identity, List<RowChange> chunk, UniqueClash action) {
        List<Guard> guards = new ArrayList<>();
        if (action == UniqueClash.NONE) {
            return guards;
        }
        for (List<String> unique : table.uniqueKeys()) {
            if (unique.equals(identity)) {
                continue;
            }
            List<RowChange> candidates = chunk.stream().filter(ch -> unique.stream().allMatch(col ->
                    ch.after().schema().field(col) != null && ch.after().getWithoutDefault(col) != null)).toList();
            if (candidates.isEmpty()) {
                continue;
            }
            guards.add(new Guard(unique, candidates, action == UniqueClash.DELETE_OTHER));
        }
        return guards;
    }

    /**
     * The stop under {@code conflict.incremental.policy=fail} when the destination row with {@code found} (its identity
     * values, then its unique key values) holds a unique value that a source row with another key now has.
     */
    public static PolicyStopException clash(DestinationTable table, List<String> identity, List<String> unique,
                                            List<String> found, List<RowChange> chunk) {
        return new PolicyStopException("Conflict in " + table.qualifiedName() + ": the destination row with "
                + identity + " = " + found.subList(0, identity.size()) + " holds unique key " + unique + " = "
                + found.subList(identity.size(), found.size()) + ", which a source row with another key "
                + "now has (changes from " + chunk.get(0).position() + "). conflict.incremental.policy=fail "
                + "stops here; remove the destination row or choose overwrite.");
    }
}
