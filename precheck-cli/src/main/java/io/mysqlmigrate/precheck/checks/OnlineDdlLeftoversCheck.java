package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Traces of an online schema change still running or interrupted on the source: gh-ost's ghost, changelog and
 * renamed-original tables ({@code _t_gho}, {@code _t_ghc}, {@code _t_del}), pt-online-schema-change's new and old
 * tables ({@code _t_new}, {@code _t_old}) and its triggers ({@code pt_osc_*}), which copy every change of the original
 * table into the new one while they exist.
 */
public final class OnlineDdlLeftoversCheck implements Check {

    static final String GH_OST_TABLES = "^_.+_(gho|ghc|del)$";
    static final String PT_OSC_TABLES = "^_.+_(new|old)$";

    @Override
    public String id() {
        return "source.tables.online_ddl_leftovers";
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        List<String> found = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        String tables = "SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA IN (%s) "
                + "AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME RLIKE '%s' ORDER BY 1, 2";
        List<List<String>> ghOst = SelectedTablesQuery.rows(ctx, String.format(tables, "%s", GH_OST_TABLES));
        List<List<String>> ptOsc = SelectedTablesQuery.rows(ctx, String.format(tables, "%s", PT_OSC_TABLES));
        List<List<String>> triggers = SelectedTablesQuery.rows(ctx, "SELECT TRIGGER_SCHEMA, TRIGGER_NAME, EVENT_OBJECT_TABLE "
                + "FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA IN (%s) AND TRIGGER_NAME LIKE 'pt\\_osc\\_%%' ORDER BY 1, 2");
        if (!ghOst.isEmpty()) {
            found.add("gh-ost tables " + names(ghOst));
        }
        if (!ptOsc.isEmpty()) {
            found.add("pt-online-schema-change tables " + names(ptOsc));
        }
        if (!triggers.isEmpty()) {
            found.add("pt-online-schema-change triggers " + String.join(", ", triggers.stream()
                    .map(r -> r.get(0) + "." + r.get(1) + " (on " + r.get(2) + ")").toList()));
        }
        if (found.isEmpty()) {
            return CheckResult.pass(id(), "no gh-ost or pt-online-schema-change tables or triggers");
        }
        triggers.forEach(r -> drops.add("DROP TRIGGER " + Identifiers.quote(r.get(0), r.get(1)) + ";"));
        ghOst.forEach(r -> drops.add("DROP TABLE " + Identifiers.quote(r.get(0), r.get(1)) + ";"));
        ptOsc.forEach(r -> drops.add("DROP TABLE " + Identifiers.quote(r.get(0), r.get(1)) + ";"));
        return CheckResult.warn(id(), String.join("; ", found), "They belong to a schema change that is running or was "
                        + "interrupted: the shadow tables would be migrated as ordinary tables, and a change still running "
                        + "renames tables under the migration when it cuts over.",
                "Let a running change finish (gh-ost and pt-online-schema-change clean up after themselves), or, when none "
                        + "runs, remove what is left on the source: " + String.join(" ", drops)
                        + " (a _del or _old table is the original from before a finished change: keep a copy if in doubt).");
    }

    private static String names(List<List<String>> rows) {
        return String.join(", ", rows.stream().map(r -> r.get(0) + "." + r.get(1)).toList());
    }
}
