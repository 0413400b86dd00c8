package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.dialect.Flavour;
import io.mysqlmigrate.dialect.SqlModes;
import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Source and destination run with the same global sql_mode. The sink writes under a session sql_mode of its own, so the
 * migrated rows do not depend on it; the applications do after cutover.
 */
public final class SqlModeCheck implements Check {

    @Override
    public String id() {
        return "servers.sql_mode";
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        Flavour s = ctx.sourceVersion().flavour();
        Flavour d = ctx.destinationVersion().flavour();
        // the flavours' one difference (NO_AUTO_CREATE_USER) is the dialect's
        Set<String> source = SqlModes.comparable(CheckContext.variable(ctx.sourceConnection(), "sql_mode"), s, d);
        Set<String> destination = SqlModes.comparable(CheckContext.variable(ctx.destinationConnection(), "sql_mode"), d, s);
        if (source.equals(destination)) {
            return CheckResult.pass(id(), "sql_mode '" + String.join(",", source) + "' on both");
        }
        Set<String> onlySource = new LinkedHashSet<>(source);
        onlySource.removeAll(destination);
        Set<String> onlyDestination = new LinkedHashSet<>(destination);
        onlyDestination.removeAll(source);
        return CheckResult.warn(id(), "sql_mode differs: only the source has " + describe(onlySource) + ", only the destination has "
                        + describe(onlyDestination),
                "The migrated rows do not depend on it (the sink sets its own session sql_mode), but after cutover the "
                        + "applications run under the destination's: statements the source accepted may be refused or "
                        + "behave differently (strictness, zero dates, ONLY_FULL_GROUP_BY, ANSI_QUOTES, ...).",
                "SET GLOBAL sql_mode = '" + String.join(",", source) + "'; and the same sql_mode in the destination's my.cnf.");
    }

    private static String describe(Set<String> modes) {
        return modes.isEmpty() ? "nothing" : String.join(",", modes);
    }
}
