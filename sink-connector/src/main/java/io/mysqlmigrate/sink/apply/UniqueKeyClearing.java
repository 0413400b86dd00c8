package io.mysqlmigrate.sink.apply;

import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.sink.conflict.UniqueClash;
import io.mysqlmigrate.sink.conflict.UniqueKeyGuard;
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
 * Runs the statements of {@link UniqueKeyGuard} before an upsert: for each guarded unique key, deletes the other rows
 * holding a value of the chunk (overwrite), or looks for one and stops naming it (fail).
 */
final class UniqueKeyClearing {

    /** Logged under the guard's name, where operators have always found these deletions. */
    private static final Logger LOG = LoggerFactory.getLogger(UniqueKeyGuard.class);

    private UniqueKeyClearing() {
    }

    /**
     * @param identity the columns that identify rows (the primary key)
     * @param identityValues for each change, the structure holding its identity values
     * @return how many destination rows were deleted because they held an incoming row's unique value
     */
    static int clear(Connection c, DestinationTable table, List<String> identity, List<RowChange> chunk,
                     Function<RowChange, Struct> identityValues, UniqueClash action) throws SQLException {
        int cleared = 0;
        for (UniqueKeyGuard.Guard guard : UniqueKeyGuard.guards(table, identity, chunk, action)) {
            List<String> unique = guard.unique();
            List<RowChange> candidates = guard.candidates();
            boolean overwrite = guard.deleteOthers();
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
                if (overwrite) {
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
                            throw UniqueKeyGuard.clash(table, identity, unique, found, chunk);
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
