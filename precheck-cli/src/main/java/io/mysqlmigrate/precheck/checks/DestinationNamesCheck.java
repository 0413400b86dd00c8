package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.sink.naming.NameMapping;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Database and table names the destination cannot take, as the sink will write them (name.mapping and name.case
 * applied): different names that the destination's lower_case_table_names turns into one, so two source databases or
 * tables would land in the same destination object. Names longer than 64 characters cannot get this far: the sources'
 * are the server's own, and name.mapping's validation refuses a longer destination name, so the precheck stops with
 * "A setting is invalid" before any check runs.
 */
public final class DestinationNamesCheck implements Check {

    @Override
    public String id() {
        return "destination.names";
    }

    /** A selected source object and the name the sink gives it; {@code table} is null for a database. */
    private record Named(String database, String table, String mappedDatabase, String mappedTable) {
        String source() {
            return table == null ? database : database + "." + table;
        }

        String mapped() {
            return table == null ? mappedDatabase : mappedDatabase + "." + mappedTable;
        }

        String rule(String newName) {
            return (table == null ? rulePart(database) : rulePart(database) + "." + rulePart(table)) + "=" + rulePart(newName);
        }
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        String lctn = CheckContext.variable(ctx.destinationConnection(), "lower_case_table_names");
        int lowerCaseTableNames = lctn == null ? 0 : Integer.parseInt(lctn.trim());
        NameMapping names = ctx.sink().nameMapping(lowerCaseTableNames);
        List<Named> databases = new ArrayList<>();
        for (String db : ctx.source().databases()) {
            databases.add(new Named(db, null, names.database(db), null));
        }
        List<Named> tables = new ArrayList<>();
        for (List<String> row : SelectedTablesQuery.rows(ctx, "SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA IN (%s) ORDER BY 1, 2")) {
            if (SelectedTablesQuery.selected(ctx, row.get(0), row.get(1))) {
                tables.add(new Named(row.get(0), row.get(1), names.database(row.get(0)), names.table(row.get(0), row.get(1))));
            }
        }
        tables.sort(java.util.Comparator.comparing(Named::database).thenComparing(Named::table));
        List<String> problems = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        Set<String> collidedDatabases = new HashSet<>();
        for (List<Named> same : groups(databases, n -> fold(n.mappedDatabase(), lowerCaseTableNames))) {
            collidedDatabases.add(fold(same.get(0).mappedDatabase(), lowerCaseTableNames));
            collision("databases", same, fold(same.get(0).mappedDatabase(), lowerCaseTableNames), problems, rules);
        }
        for (List<Named> same : groups(tables, n -> fold(n.mappedDatabase(), lowerCaseTableNames) + "\0" + fold(n.mappedTable(),
                lowerCaseTableNames))) {
            boolean oneSourceDatabase = same.stream().map(Named::database).distinct().count() == 1;
            if (oneSourceDatabase || !collidedDatabases.contains(fold(same.get(0).mappedDatabase(), lowerCaseTableNames))) {
                collision("tables", same, fold(same.get(0).mappedTable(), lowerCaseTableNames), problems, rules);
            }
        }
        String found = "lower_case_table_names on the destination: " + lowerCaseTableNames;
        if (problems.isEmpty()) {
            return CheckResult.pass(id(), found + "; every database and table name stays distinct");
        }
        String existing = ctx.sink().getString(MigrationSinkConfig.NAME_MAPPING);
        String value = (existing == null || existing.isBlank() ? "" : existing + ",") + String.join(",", rules);
        return CheckResult.fail(id(), found + "; " + String.join("; ", problems),
                "Names that differ only in case are one object on a destination with lower_case_table_names 1 or 2: "
                        + "the schema of one would collide with the other's and their rows would mix.",
                "Give those objects other destination names with the sink's " + MigrationSinkConfig.NAME_MAPPING + ", for example "
                        + MigrationSinkConfig.NAME_MAPPING + "=" + value + " (or exclude them from the migration).");
    }

    /** Objects whose destination names differ, but not once the destination folds them: each after the first renamed. */
    private static void collision(String kind, List<Named> same, String target, List<String> problems, List<String> rules) {
        problems.add(kind + " " + String.join(" and ", same.stream().map(Named::source).toList()) + " all become " + target);
        for (int i = 1; i < same.size(); i++) {
            rules.add(same.get(i).rule(target + "_" + (i + 1)));
        }
    }

    /**
     * Groups of objects with the same key on the destination whose names differ there, or differ on the source only in
     * case (name.case=destination folds them itself); different sources mapped to one name on purpose are not a collision.
     */
    private static List<List<Named>> groups(List<Named> objects, java.util.function.Function<Named, String> key) {
        Map<String, List<Named>> byKey = new LinkedHashMap<>();
        for (Named n : objects) {
            byKey.computeIfAbsent(key.apply(n), k -> new ArrayList<>()).add(n);
        }
        return byKey.values().stream().filter(g -> g.stream().map(Named::mapped).distinct().count() > 1
                || g.stream().map(n -> n.source().toLowerCase(Locale.ROOT)).distinct().count()
                        < g.stream().map(Named::source).distinct().count()).toList();
    }

    /** The name the destination stores and compares: folded to lower case when lower_case_table_names is 1 or 2. */
    private static String fold(String name, int lowerCaseTableNames) {
        return lowerCaseTableNames == 0 ? name : name.toLowerCase(Locale.ROOT);
    }

    /** A name in a name.mapping rule, backquoted when it holds what separates rules. */
    private static String rulePart(String name) {
        return name.matches("[^.,=`\\s]+") ? name : Identifiers.quote(name);
    }
}
