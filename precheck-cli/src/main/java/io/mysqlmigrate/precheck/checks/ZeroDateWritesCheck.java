package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.source.phase.MigrationType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * While the migration streams, applications can still write zero dates ('0000-00-00', '2020-00-15') into the selected
 * DATE and DATETIME columns unless the source's global sql_mode refuses them, and Debezium's binary log reader turns
 * those into NULL or 1970-01-01 without a word (docs/TYPES.md). Refused means NO_ZERO_DATE and NO_ZERO_IN_DATE with
 * strict mode (STRICT_TRANS_TABLES or STRICT_ALL_TABLES): without strict mode both only warn and store the zero date.
 * Both flavours have these modes; MySQL 8 includes them in its default sql_mode (and deprecates naming them apart from
 * strict mode, still honouring them), MariaDB's default (STRICT_TRANS_TABLES, ERROR_FOR_DIVISION_BY_ZERO,
 * NO_AUTO_CREATE_USER, NO_ENGINE_SUBSTITUTION) allows zero dates. Existing zero dates are the assessment's
 * ({@code assess.values.zero_dates}); reading the variable is cheap, so this check is part of every precheck.
 */
public final class ZeroDateWritesCheck implements Check {

    /** Columns named in the message; the rest are counted. */
    static final int LISTED_COLUMNS = 50;

    @Override
    public String id() {
        return "source.sql_mode.zero_dates";
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.INCREMENTAL);
    }

    /** The modes of an sql_mode value, upper-cased, in order; TRADITIONAL expanded (servers report it expanded anyway). */
    static Set<String> modes(String sqlMode) {
        Set<String> modes = new LinkedHashSet<>();
        for (String m : (sqlMode == null ? "" : sqlMode).split(",")) {
            String mode = m.trim().toUpperCase(Locale.ROOT);
            if (mode.equals("TRADITIONAL")) {
                modes.addAll(List.of("STRICT_TRANS_TABLES", "STRICT_ALL_TABLES", "NO_ZERO_IN_DATE", "NO_ZERO_DATE",
                        "ERROR_FOR_DIVISION_BY_ZERO", "NO_ENGINE_SUBSTITUTION"));
            } else if (!mode.isEmpty()) {
                modes.add(mode);
            }
        }
        return modes;
    }

    /** What an sql_mode lacks to refuse zero dates and dates with a zero month or day; empty when it refuses them. */
    static List<String> missing(Set<String> modes) {
        List<String> missing = new ArrayList<>();
        for (String needed : List.of("NO_ZERO_DATE", "NO_ZERO_IN_DATE")) {
            if (!modes.contains(needed)) {
                missing.add(needed);
            }
        }
        if (!modes.contains("STRICT_TRANS_TABLES") && !modes.contains("STRICT_ALL_TABLES")) {
            missing.add("STRICT_TRANS_TABLES");
        }
        return missing;
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        Predicate<String> columnSelected = SelectedTablesQuery.columnSelection(ctx);
        List<String> columns = new ArrayList<>();
        for (List<String> r : SelectedTablesQuery.rows(ctx, "SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME, c.EXTRA "
                + "FROM information_schema.COLUMNS c JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA "
                + "AND t.TABLE_NAME = c.TABLE_NAME WHERE c.TABLE_SCHEMA IN (%s) AND t.TABLE_TYPE = 'BASE TABLE' "
                + "AND c.DATA_TYPE IN ('date', 'datetime') ORDER BY c.TABLE_SCHEMA, c.TABLE_NAME, c.ORDINAL_POSITION")) {
            String column = r.get(0) + "." + r.get(1) + "." + r.get(2);
            boolean generated = r.get(3) != null && r.get(3).toLowerCase(Locale.ROOT).contains("generated");
            if (!generated && SelectedTablesQuery.selected(ctx, r.get(0), r.get(1)) && columnSelected.test(column)) {
                columns.add(column);
            }
        }
        String sqlMode = CheckContext.variable(ctx.sourceConnection(), "sql_mode");
        Set<String> modes = modes(sqlMode);
        List<String> missing = missing(modes);
        if (columns.isEmpty()) {
            return CheckResult.pass(id(), "no DATE or DATETIME column in the selection");
        }
        if (missing.isEmpty()) {
            return CheckResult.pass(id(), "the source's sql_mode refuses zero dates (" + String.join(",", modes) + ")");
        }
        List<String> listed = columns.size() <= LISTED_COLUMNS ? columns : columns.subList(0, LISTED_COLUMNS);
        Set<String> wanted = new LinkedHashSet<>(modes);
        wanted.addAll(missing);
        String value = String.join(",", wanted);
        return CheckResult.warn(id(), "the source's sql_mode '" + String.join(",", modes) + "' lacks " + String.join(",", missing)
                        + ", so zero dates can be written while the migration streams into " + columns.size() + " DATE/DATETIME "
                        + "column(s): " + String.join(", ", listed)
                        + (listed.size() < columns.size() ? " and " + (columns.size() - listed.size()) + " more" : ""),
                "A zero date ('0000-00-00') or a date with a zero month or day written during the migration arrives on the "
                        + "destination as NULL (nullable column) or 1970-01-01 (NOT NULL): Debezium's binary log reader drops "
                        + "such dates before any converter sees them, and nothing reports it.",
                "Make the source refuse them: SET GLOBAL sql_mode = '" + value + "'; and sql_mode = " + value + " under [mysqld] "
                        + "in the source's my.cnf. New sessions get it (pooled connections when they reconnect); such a write "
                        + "then fails with an error in the application instead of changing data silently"
                        + (missing.contains("STRICT_TRANS_TABLES") ? ", and strict mode also refuses other invalid values the "
                        + "server used to adjust" : "") + ". A session that sets its own sql_mode can still write zero dates. "
                        + "Give the destination the same sql_mode (servers.sql_mode compares them). Existing zero dates: "
                        + "assess.values.zero_dates (--assess). Or acknowledge " + id() + " if the applications never write "
                        + "zero dates.");
    }
}
