package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import java.sql.SQLException;
import java.util.List;

/** Tables of the selected databases with neither a primary key nor a unique key: rows can duplicate on replay. */
public final class TablesWithoutKeyCheck implements Check {

    @Override
    public String id() {
        return "source.tables.without_key";
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        List<String> tables = SelectedTablesQuery.firstColumn(ctx,
                "SELECT CONCAT(t.TABLE_SCHEMA, '.', t.TABLE_NAME) FROM information_schema.TABLES t WHERE t.TABLE_TYPE = 'BASE TABLE' "
                        + "AND t.TABLE_SCHEMA IN (%s) AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS s "
                        + "WHERE s.TABLE_SCHEMA = t.TABLE_SCHEMA AND s.TABLE_NAME = t.TABLE_NAME AND s.NON_UNIQUE = 0) ORDER BY 1");
        if (tables.isEmpty()) {
            return CheckResult.pass(id(), "every selected table has a primary or unique key");
        }
        return CheckResult.warn(id(), "without primary or unique key: " + String.join(", ", tables),
                "Rows of such a table cannot be identified: the sink stops on them by default, and with another "
                        + "tables.without.primary.key policy a replay can duplicate them.",
                "Add a primary key on the source (ALTER TABLE ... ADD PRIMARY KEY (...)), exclude the tables, or set "
                        + "tables.without.primary.key on the sink.");
    }
}
