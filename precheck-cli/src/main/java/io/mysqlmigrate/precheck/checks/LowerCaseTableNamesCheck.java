package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import java.sql.SQLException;

/** Source and destination treat the case of table names alike; otherwise {@code Orders} and {@code orders} collide. */
public final class LowerCaseTableNamesCheck implements Check {

    @Override
    public String id() {
        return "servers.lower_case_table_names";
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        String source = CheckContext.variable(ctx.sourceConnection(), "lower_case_table_names");
        String destination = CheckContext.variable(ctx.destinationConnection(), "lower_case_table_names");
        String found = "lower_case_table_names: source " + source + ", destination " + destination;
        if (source != null && !source.equals(destination)) {
            return CheckResult.fail(id(), found, "Table names that differ only in case on the source would land on one "
                    + "table on the destination, or be looked up under another name.", "Use a destination initialised with "
                    + "lower_case_table_names = " + source + " (it can only be set before the data directory is created).");
        }
        return CheckResult.pass(id(), found);
    }
}
