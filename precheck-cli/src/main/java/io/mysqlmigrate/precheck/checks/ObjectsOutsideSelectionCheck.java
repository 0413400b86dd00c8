package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.source.phase.MigrationType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Migration assessment: views, procedures, functions and triggers of the selected databases that use tables the
 * migration leaves out (another database, or a table tables.include/tables.exclude drops). They are migrated with the
 * schema and break on the destination, where those tables do not exist. Views are read from
 * information_schema.VIEW_TABLE_USAGE where the server has it (MySQL 8.0.13+, MariaDB 11+); otherwise, and for routines
 * and triggers, their text is searched for {@code db.table} names and for names after FROM, JOIN, INTO, UPDATE and
 * TABLE, and a name counts only when it is a table or view that exists on the source.
 */
public final class ObjectsOutsideSelectionCheck implements Check {

    private static final String NAME = "(?:`((?:[^`]|``)+)`|([A-Za-z0-9_$]+))";
    private static final Pattern QUALIFIED = Pattern.compile(NAME + "\\s*\\.\\s*" + NAME);
    private static final Pattern AFTER_KEYWORD = Pattern.compile("(?i)\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+" + NAME + "(?!\\s*\\.)");

    @Override
    public String id() {
        return "assess.objects.outside_selection";
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.SCHEMA);
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        Map<String, Set<String>> tablesOf = new HashMap<>();
        List<String> found = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        boolean viewUsage = !CheckContext.rows(ctx.sourceConnection(), "SELECT 1 FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = 'information_schema' AND TABLE_NAME = 'VIEW_TABLE_USAGE'").isEmpty();
        for (List<String> v : SelectedTablesQuery.rows(ctx, "SELECT TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS "
                + "WHERE TABLE_SCHEMA IN (%s) ORDER BY 1, 2")) {
            if (!SelectedTablesQuery.selected(ctx, v.get(0), v.get(1))) {
                continue;
            }
            Set<String> used = new LinkedHashSet<>();
            if (viewUsage) {
                for (List<String> u : CheckContext.rows(ctx.sourceConnection(), "SELECT TABLE_SCHEMA, TABLE_NAME FROM "
                        + "information_schema.VIEW_TABLE_USAGE WHERE VIEW_SCHEMA = ? AND VIEW_NAME = ?", v.get(0), v.get(1))) {
                    if (!SelectedTablesQuery.selected(ctx, u.get(0), u.get(1))) {
                        used.add(u.get(0) + "." + u.get(1));
                    }
                }
            } else if (v.get(2) == null || v.get(2).isBlank()) {
                unreadable.add("view " + v.get(0) + "." + v.get(1)); // no SHOW VIEW: the server shows an empty definition
            } else {
                used = outside(ctx, v.get(0), v.get(2), tablesOf);
            }
            report(found, "view " + v.get(0) + "." + v.get(1), used);
        }
        for (List<String> r : SelectedTablesQuery.rows(ctx, "SELECT ROUTINE_SCHEMA, ROUTINE_NAME, ROUTINE_TYPE, ROUTINE_DEFINITION "
                + "FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA IN (%s) ORDER BY 1, 2")) {
            String routine = r.get(2).toLowerCase(Locale.ROOT) + " " + r.get(0) + "." + r.get(1);
            if (r.get(3) == null) {
                unreadable.add(routine);
            }
            report(found, routine, outside(ctx, r.get(0), r.get(3), tablesOf));
        }
        for (List<String> t : SelectedTablesQuery.rows(ctx, "SELECT TRIGGER_SCHEMA, TRIGGER_NAME, EVENT_OBJECT_SCHEMA, EVENT_OBJECT_TABLE, "
                + "ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA IN (%s) ORDER BY 1, 2")) {
            if (!SelectedTablesQuery.selected(ctx, t.get(2), t.get(3))) {
                continue; // a trigger goes with its table: one left out takes its triggers with it
            }
            report(found, "trigger " + t.get(0) + "." + t.get(1), outside(ctx, t.get(0), t.get(4), tablesOf));
        }
        String notRead = unreadable.isEmpty() ? "" : "; not searched, as the account cannot read their text (see "
                + "source.privileges): " + String.join(", ", unreadable);
        if (found.isEmpty()) {
            return CheckResult.pass(id(), "no view, routine or trigger of the selected databases uses a table outside the selection"
                    + notRead);
        }
        return CheckResult.warn(id(), "objects using tables outside the selection: " + String.join("; ", found) + notRead,
                "These objects are migrated with the schema, but the tables they use are not: on the destination the views "
                        + "cannot be created or queried, and the routines and triggers fail when they run.",
                "Add the tables they use to the selection (databases.include, tables.include, tables.exclude), or drop or "
                        + "rewrite those objects on the destination after the schema migration.");
    }

    private static void report(List<String> found, String object, Set<String> outside) {
        if (!outside.isEmpty()) {
            found.add(object + " uses " + String.join(", ", outside));
        }
    }

    /** Tables and views named in {@code text} that exist on the source and are not selected. */
    private static Set<String> outside(CheckContext ctx, String ownDatabase, String text, Map<String, Set<String>> tablesOf)
            throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) {
            return out;
        }
        Matcher q = QUALIFIED.matcher(text);
        while (q.find()) {
            consider(ctx, name(q, 1), name(q, 3), tablesOf, out);
        }
        Matcher k = AFTER_KEYWORD.matcher(text);
        while (k.find()) {
            consider(ctx, ownDatabase, name(k, 1), tablesOf, out);
        }
        return out;
    }

    private static void consider(CheckContext ctx, String database, String table, Map<String, Set<String>> tablesOf, Set<String> out)
            throws SQLException {
        Set<String> tables = tablesOf.get(database);
        if (tables == null) {
            tables = new java.util.HashSet<>();
            for (List<String> row : CheckContext.rows(ctx.sourceConnection(),
                    "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?", database)) {
                tables.add(row.get(0));
            }
            tablesOf.put(database, tables);
        }
        if (tables.contains(table) && !SelectedTablesQuery.selected(ctx, database, table)) {
            out.add(database + "." + table);
        }
    }

    /** The name in group {@code first} (backquoted, with doubled backquotes) or {@code first + 1} (bare). */
    private static String name(Matcher m, int first) {
        return m.group(first) != null ? m.group(first).replace("``", "`") : m.group(first + 1);
    }
}
