package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Source and destination run with the same global sql_mode. The sink writes under a session sql_mode of its own, so the
 * migrated rows do not depend on it; the applications do after cutover.
 */
public final class SqlModeCheck implements Check {

    /** The one flavour difference: MySQL 8 removed NO_AUTO_CREATE_USER (it behaves as if always set); MariaDB keeps it. */
    static final String MARIADB_ONLY = "NO_AUTO_CREATE_USER";

    @Override
    public String id() {
        return "servers.sql_mode";
    }

    static Set<String> modes(String sqlMode, boolean mariaDbSource, boolean mariaDbDestination) {
        Set<String> modes = new LinkedHashSet<>();
        for (String m : Arrays.asList((sqlMode == null ? "" : sqlMode).split(","))) {
            if (!m.isBlank()) {
                modes.add(m.trim().toUpperCase(Locale.ROOT));
            }
        }
        if (mariaDbSource != mariaDbDestination) {
            modes.remove(MARIADB_ONLY);
        }
        return modes;
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        boolean s = ctx.sourceVersion().isMariaDb();
        boolean d = ctx.destinationVersion().isMariaDb();
        Set<String> source = modes(CheckContext.variable(ctx.sourceConnection(), "sql_mode"), s, d);
        Set<String> destination = modes(CheckContext.variable(ctx.destinationConnection(), "sql_mode"), s, d);
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
