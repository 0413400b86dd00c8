package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.source.phase.MigrationType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * With its binary log on and {@code log_bin_trust_function_creators} off, a destination refuses to create stored
 * functions and triggers for an account without SUPER (error 1419), and a function declared none of DETERMINISTIC,
 * NO SQL or READS SQL DATA for every account (error 1418); procedures and events are not concerned (seen on MariaDB
 * 10.11; MySQL applies the same rule). A schema migration of whole databases creates the source's functions (the sink)
 * and triggers (the sink when created at once, else the cut-over) with the sink's destination account, so such a
 * destination stops the migration at its first function or trigger. This check names them before the migration starts.
 */
public final class DestinationRoutineCreationCheck implements Check {

    /** Objects named in the message; the rest are counted. */
    static final int LISTED = 10;

    @Override
    public String id() {
        return "destination.routine_creation";
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.SCHEMA);
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        if (!ctx.source().tables().isEmpty()) {
            return CheckResult.pass(id(), "a selection of tables migrates no functions or triggers");
        }
        if (!on(CheckContext.variable(ctx.destinationConnection(), "log_bin"))) {
            return CheckResult.pass(id(), "the destination writes no binary log");
        }
        if (on(CheckContext.variable(ctx.destinationConnection(), "log_bin_trust_function_creators"))) {
            return CheckResult.pass(id(), "the destination has log_bin_trust_function_creators on");
        }
        String account = Grants.account(ctx.destinationConnection());
        boolean superHeld = Grants.of(ctx.destinationConnection(), ctx.destinationVersion()).holdsGlobally("SUPER");
        List<String> refused = new ArrayList<>();
        // Without SUPER: every function and trigger. With it: the functions declared none of the three characteristics.
        for (List<String> r : SelectedTablesQuery.rows(ctx, "SELECT ROUTINE_SCHEMA, ROUTINE_NAME, 'function' FROM information_schema.ROUTINES "
                + "WHERE ROUTINE_SCHEMA IN (%s) AND ROUTINE_TYPE = 'FUNCTION'"
                + (superHeld ? " AND IS_DETERMINISTIC = 'NO' AND SQL_DATA_ACCESS NOT IN ('NO SQL', 'READS SQL DATA')" : "")
                + " ORDER BY 1, 2")) {
            refused.add(r.get(0) + "." + r.get(1) + " (" + r.get(2) + ")");
        }
        if (!superHeld) {
            for (List<String> r : SelectedTablesQuery.rows(ctx, "SELECT TRIGGER_SCHEMA, TRIGGER_NAME FROM information_schema.TRIGGERS "
                    + "WHERE TRIGGER_SCHEMA IN (%s) ORDER BY 1, 2")) {
                refused.add(r.get(0) + "." + r.get(1) + " (trigger)");
            }
        }
        if (refused.isEmpty()) {
            return CheckResult.pass(id(), superHeld
                    ? account + " holds SUPER and every function of the selection is declared DETERMINISTIC, NO SQL or READS SQL DATA"
                    : "the selected databases hold no functions or triggers");
        }
        List<String> listed = refused.size() <= LISTED ? refused : refused.subList(0, LISTED);
        return CheckResult.fail(id(), "the destination writes a binary log with log_bin_trust_function_creators OFF"
                        + (superHeld ? "" : " and " + account + " lacks SUPER") + ", so it refuses to create " + refused.size()
                        + " of the source's functions and triggers: " + String.join(", ", listed)
                        + (listed.size() < refused.size() ? " and " + (refused.size() - listed.size()) + " more" : ""),
                "The sink creates the source's functions (and triggers: at once, or at the cut-over) with this account; the "
                        + "destination refuses each (error " + (superHeld ? "1418" : "1419, or 1418 for a function declared none "
                        + "of DETERMINISTIC, NO SQL or READS SQL DATA") + "), and the sink stops at the first one.",
                "On the destination: SET GLOBAL log_bin_trust_function_creators = 1; and log_bin_trust_function_creators = 1 "
                        + "under [mysqld] in its my.cnf"
                        + (superHeld ? "" : ". Or GRANT SUPER ON *.* TO " + account + " (this alone still refuses functions "
                        + "declared none of DETERMINISTIC, NO SQL or READS SQL DATA)") + ".");
    }

    private static boolean on(String value) {
        return value != null && (value.equals("1") || value.toUpperCase(Locale.ROOT).equals("ON"));
    }
}
