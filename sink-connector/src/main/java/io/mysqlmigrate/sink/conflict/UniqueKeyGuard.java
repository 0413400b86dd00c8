package io.mysqlmigrate.sink.conflict;

import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.sink.apply.PolicyStopException;
import io.mysqlmigrate.sink.apply.Binder;
import io.mysqlmigrate.sink.event.RowChange;
import io.mysqlmigrate.sink.table.DestinationTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.connect.data.Struct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an upsert from overwriting a different row. {@code ON DUPLICATE KEY UPDATE} fires on any unique key, so a
 * row arriving with a unique value that another destination row holds (under a different primary key) would
 * silently rewrite that other row. Before the upsert the rows holding one of its unique values are found, and
 * deleted (overwrite) or reported (fail).
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

    private static final Logger LOG = LoggerFactory.getLogger(UniqueKeyGuard.class);

    private UniqueKeyGuard() {
    }

    /**
     * @param identity the columns that identify rows (the primary key)
     * @param identityValues for each change, the structure holding its identity values
     */
    /** @return how many destination rows were deleted because they held an incoming row's unique value */
    public static int clear(Connection c, DestinationTable table, List<String> identity, List<RowChange> chunk,
                            Function<RowChange, Struct> identityValues, UniqueClash action) throws SQLException {
        int cleared = 0;
        if (action == UniqueClash.NONE) {
            return cleared;
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
            boolean overwrite = action == UniqueClash.DELETE_OTHER;
            List<String> pair = new ArrayList<>(identity);
            pair.addAll(unique);
            String where = " WHERE (" + orOfEquals(unique, candidates.size()) + ") AND NOT ("
                    + (overwrite ? orOfEquals(pair, candidates.size()) : orOfEquals(identity, chunk.size())) + ")";
            String quoted = Identifiers.quote(table.database(), table.table());
            String sql = overwrite
                    ? "DELETE FROM " + quoted + where
                    : "SELECT " + Identifiers.quoteAll(identity) + ", " + Identifiers.quoteAll(unique) + " FROM " + quoted + where + " LIMIT 1";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int p = 1;
                for (RowChange ch : candidates) {
                    for (String col : unique) {
                        Binder.bind(ps, p++, ch.after(), ch.after().schema().field(col), ch);
                    }
                }
                for (RowChange ch : overwrite ? candidates : chunk) {
                    Struct values = identityValues.apply(ch);
                    for (String col : identity) {
                        Binder.bind(ps, p++, values, values.schema().field(col), ch);
                    }
                    if (overwrite) {
                        for (String col : unique) {
                            Binder.bind(ps, p++, ch.after(), ch.after().schema().field(col), ch);
                        }
                    }
                }
                if (action == UniqueClash.DELETE_OTHER) {
                    int deleted = ps.executeUpdate();
                    cleared += deleted;
                    if (deleted > 0) {
                        LOG.warn("{}: deleted {} destination row(s) that held a unique key value ({}) which another row ends with "
                                + "(changes from {}); they were not the source's, or are written again whole by this upsert",
                                table.qualifiedName(), deleted, unique, chunk.get(0).position());
                    }
                } else {
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            List<String> found = new ArrayList<>();
                            for (int i = 1; i <= identity.size() + unique.size(); i++) {
                                found.add(String.valueOf(rs.getObject(i)));
                            }
                            throw new PolicyStopException("Conflict in " + table.qualifiedName() + ": the destination row with "
                                    + identity + " = " + found.subList(0, identity.size()) + " holds unique key " + unique + " = "
                                    + found.subList(identity.size(), found.size()) + ", which a source row with another key "
                                    + "now has (changes from " + chunk.get(0).position() + "). conflict.incremental.policy=fail "
                                    + "stops here; remove the destination row or choose overwrite.");
                        }
                    }
                }
            }
        }
        return cleared;
    }

    private static String orOfEquals(List<String> columns, int rows) {
        String one = "(" + String.join(" AND ", columns.stream().map(col -> Identifiers.quote(col) + " = ?").toList()) + ")";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            s.append(i == 0 ? "" : " OR ").append(one);
        }
        return s.toString();
    }
}
