package io.mysqlmigrate.dialect;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The {@code ON DUPLICATE KEY UPDATE} clause both flavours' upserts end with; only how the incoming row's value is
 * named differs ({@code VALUES(col)}, or MySQL's row alias), which each dialect passes in.
 */
final class UpsertUpdates {

    private UpsertUpdates() {
    }

    /** Appends {@code ON DUPLICATE KEY UPDATE c1 = new(c1), ...}; nothing when no column is updated. */
    static void append(StringBuilder sql, List<String> updateColumns, UnaryOperator<String> newValue) {
        if (updateColumns.isEmpty()) {
            return;
        }
        sql.append(" ON DUPLICATE KEY UPDATE ");
        for (int i = 0; i < updateColumns.size(); i++) {
            String c = Identifiers.quote(updateColumns.get(i));
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(c).append(" = ").append(newValue.apply(c));
        }
    }
}
