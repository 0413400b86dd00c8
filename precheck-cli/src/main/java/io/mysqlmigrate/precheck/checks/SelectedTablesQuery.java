package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.precheck.check.CheckContext;
import java.sql.SQLException;
import java.util.List;

/** Runs a query over information_schema restricted to the migration's databases ({@code IN (...)} filled in). */
final class SelectedTablesQuery {

    private SelectedTablesQuery() {
    }

    /** {@code sql} holds {@code %s} where the database list's placeholders go. The first column of each row. */
    static List<String> firstColumn(CheckContext ctx, String sql) throws SQLException {
        List<String> databases = ctx.source().databases();
        String placeholders = String.join(",", databases.stream().map(d -> "?").toList());
        return CheckContext.rows(ctx.sourceConnection(), String.format(sql, placeholders), databases.toArray(String[]::new))
                .stream().map(r -> r.get(0)).toList();
    }
}
