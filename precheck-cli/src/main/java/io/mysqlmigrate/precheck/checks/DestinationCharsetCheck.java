package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.source.phase.MigrationType;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Text of the selected tables in utf8mb4 (4-byte characters possible) needs a destination that stores utf8mb4; and
 * databases the schema migration creates take the destination's character_set_server.
 */
public final class DestinationCharsetCheck implements Check {

    @Override
    public String id() {
        return "destination.charset";
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.SCHEMA);
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        List<String> utf8mb4 = SelectedTablesQuery.firstColumn(ctx, "SELECT DISTINCT CONCAT(TABLE_SCHEMA, '.', TABLE_NAME) FROM "
                + "information_schema.COLUMNS WHERE TABLE_SCHEMA IN (%s) AND CHARACTER_SET_NAME = 'utf8mb4' ORDER BY 1");
        String server = CheckContext.variable(ctx.destinationConnection(), "character_set_server");
        String found = "destination character_set_server = " + server + "; " + utf8mb4.size() + " selected table(s) hold utf8mb4 text";
        if (!utf8mb4.isEmpty() && !"utf8mb4".equalsIgnoreCase(server)) {
            return CheckResult.fail(id(), found, "Databases the migration creates default to " + server + ", which cannot "
                    + "store 4-byte characters (emoji and more) that utf8mb4 columns may hold.",
                    "SET GLOBAL character_set_server = 'utf8mb4'; SET GLOBAL collation_server = 'utf8mb4_general_ci'; and both "
                            + "in the destination's my.cnf.");
        }
        return CheckResult.pass(id(), found);
    }
}
