package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.sink.conflict.TableConflictPolicy;
import io.mysqlmigrate.source.phase.MigrationType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Destination tables that already exist with rows under the names the migration will create (DTS's "precheck and
 * report errors"): a FAIL under the sink's default table policy, a WARN under 'ignore'.
 */
public final class ConflictingTablesCheck implements Check {

    @Override
    public String id() {
        return "destination.tables.conflict";
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.SCHEMA) || types.contains(MigrationType.FULL);
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        List<String> conflicts = new ArrayList<>();
        for (String database : ctx.source().databases()) {
            for (List<String> row : CheckContext.rows(ctx.sourceConnection(), "SELECT TABLE_NAME FROM information_schema.TABLES "
                    + "WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'", database)) {
                String table = row.get(0);
                boolean exists = !CheckContext.rows(ctx.destinationConnection(), "SELECT 1 FROM information_schema.TABLES "
                        + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?", database, table).isEmpty();
                if (exists && !CheckContext.rows(ctx.destinationConnection(), "SELECT 1 FROM `" + database.replace("`", "``")
                        + "`.`" + table.replace("`", "``") + "` LIMIT 1").isEmpty()) {
                    conflicts.add(database + "." + table);
                }
            }
        }
        if (conflicts.isEmpty()) {
            return CheckResult.pass(id(), "no destination table of the same name holds rows");
        }
        String found = "already on the destination with rows: " + String.join(", ", conflicts);
        String why = "The migration would mix the source's rows into existing data.";
        String fix = "Empty or drop those destination tables, exclude them, or set conflict.table.policy=ignore on the sink "
                + "(colliding rows are then settled by conflict.full.load.policy).";
        return ctx.sink().conflictPolicies().table() == TableConflictPolicy.PRECHECK
                ? CheckResult.fail(id(), found, why, fix) : CheckResult.warn(id(), found, why, fix);
    }
}
