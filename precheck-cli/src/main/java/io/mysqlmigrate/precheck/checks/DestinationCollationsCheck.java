package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.dialect.CollationSubstitutes;
import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.checks.SelectedTablesQuery.SelectedTable;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.sink.ddl.CollationMapping;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Collations the selected tables use (their columns, their table defaults, their databases' defaults) that the
 * destination does not know: CREATE TABLE fails there, for instance MySQL 8's utf8mb4_0900_ai_ci on MariaDB, or
 * MariaDB's uca1400 collations on MySQL. Collations the sink maps ({@code collation.mapping}) count as their targets;
 * for one still missing, the FAIL proposes the mapping to the nearest collation the destination has.
 */
public final class DestinationCollationsCheck implements Check {

    @Override
    public String id() {
        return "destination.collations";
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        Set<String> selected = new HashSet<>();
        for (SelectedTable t : SelectedTablesQuery.baseTables(ctx)) {
            selected.add(t.qualified());
        }
        Map<String, Set<String>> used = new TreeMap<>();
        List<List<String>> tableCollations = new ArrayList<>(SelectedTablesQuery.rows(ctx, "SELECT TABLE_SCHEMA, TABLE_NAME, "
                + "COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA IN (%s) AND COLLATION_NAME IS NOT NULL"));
        tableCollations.addAll(SelectedTablesQuery.rows(ctx, "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_COLLATION FROM "
                + "information_schema.TABLES WHERE TABLE_SCHEMA IN (%s) AND TABLE_COLLATION IS NOT NULL"));
        for (List<String> row : tableCollations) {
            String table = row.get(0) + "." + row.get(1);
            if (selected.contains(table)) {
                used.computeIfAbsent(row.get(2), c -> new TreeSet<>()).add(table);
            }
        }
        for (List<String> row : SelectedTablesQuery.rows(ctx, "SELECT SCHEMA_NAME, DEFAULT_COLLATION_NAME FROM "
                + "information_schema.SCHEMATA WHERE SCHEMA_NAME IN (%s)")) {
            used.computeIfAbsent(row.get(1), c -> new TreeSet<>()).add("database " + row.get(0));
        }
        Set<String> available = available(ctx.destinationConnection());
        CollationMapping mapping = ctx.sink().collationMapping();
        Map<String, Set<String>> mappedUse = new TreeMap<>();
        List<String> mappedNotes = new ArrayList<>();
        used.forEach((collation, where) -> {
            String target = mapping.collation(collation);
            if (!target.equalsIgnoreCase(collation)) {
                mappedNotes.add(collation + " -> " + target + " (" + CollationSubstitutes.note(collation, target) + ")");
            }
            mappedUse.computeIfAbsent(target, t -> new TreeSet<>()).addAll(where);
        });
        Map<String, Set<String>> missing = missing(mappedUse, available);
        String summary = used.size() + " collation(s) used by the selection: " + String.join(", ", used.keySet())
                + (mappedNotes.isEmpty() ? "" : "; mapped by " + MigrationSinkConfig.COLLATION_MAPPING + ": "
                        + String.join("; ", mappedNotes));
        if (missing.isEmpty()) {
            return CheckResult.pass(id(), summary + "; the destination has them all");
        }
        List<String> named = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        List<String> ruleNotes = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : missing.entrySet()) {
            named.add(e.getKey() + " (" + String.join(", ", e.getValue()) + ")");
            Optional<String> nearest = CollationSubstitutes.nearest(e.getKey(), available);
            if (nearest.isPresent()) {
                rules.add(e.getKey() + ":" + nearest.get());
                ruleNotes.add(nearest.get() + " for " + e.getKey() + ": " + CollationSubstitutes.note(e.getKey(), nearest.get()));
            }
            String charset = charsetOf(ctx.sourceConnection(), e.getKey());
            String replacement = defaultCollation(ctx.destinationConnection(), charset);
            for (String user : e.getValue()) {
                if (user.startsWith("database ")) {
                    fixes.add("ALTER DATABASE " + Identifiers.quote(user.substring("database ".length())) + " COLLATE " + replacement + ";");
                } else {
                    int dot = user.indexOf('.');
                    fixes.add("ALTER TABLE " + Identifiers.quote(user.substring(0, dot), user.substring(dot + 1))
                            + " CONVERT TO CHARACTER SET " + charset + " COLLATE " + replacement + ";");
                }
            }
        }
        String mapFix = rules.isEmpty() ? "" : "Map them on the sink: \"" + MigrationSinkConfig.COLLATION_MAPPING + "\": \""
                + String.join(",", rules) + "\" (the nearest the destination has: " + String.join("; ", ruleNotes)
                + "; run the precheck with --assess to find unique keys whose values would collide under it, "
                + "assess.unique_keys.collation). Or ";
        return CheckResult.fail(id(), "missing on the destination: " + String.join("; ", named),
                "Creating these tables or databases on the destination fails, and so does the migration at its first table.",
                mapFix + (mapFix.isEmpty() ? "O" : "o") + "n the source, move them to a collation the destination has ("
                        + String.join(" ", fixes) + "), each CONVERT changing every text column of its table; or use a "
                        + "destination version that has the collation.");
    }

    /** The used collations the destination lacks, compared without regard to case, with where each is used. */
    static Map<String, Set<String>> missing(Map<String, Set<String>> used, Set<String> available) {
        Set<String> known = new HashSet<>();
        available.forEach(c -> known.add(c.toLowerCase(Locale.ROOT)));
        Map<String, Set<String>> out = new LinkedHashMap<>();
        used.forEach((collation, where) -> {
            if (!known.contains(collation.toLowerCase(Locale.ROOT))) {
                out.put(collation, where);
            }
        });
        return out;
    }

    /** Every collation name the destination accepts; MariaDB 10.10+ also names its shared UCA 14 collations per charset. */
    static Set<String> available(Connection destination) throws SQLException {
        Set<String> names = new HashSet<>();
        CheckContext.rows(destination, "SELECT COLLATION_NAME FROM information_schema.COLLATIONS").forEach(r -> names.add(r.get(0)));
        boolean fullNames = !CheckContext.rows(destination, "SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = "
                + "'information_schema' AND TABLE_NAME = 'COLLATION_CHARACTER_SET_APPLICABILITY' AND COLUMN_NAME = "
                + "'FULL_COLLATION_NAME'").isEmpty();
        if (fullNames) {
            CheckContext.rows(destination, "SELECT FULL_COLLATION_NAME FROM information_schema.COLLATION_CHARACTER_SET_APPLICABILITY")
                    .forEach(r -> names.add(r.get(0)));
        }
        return names;
    }

    private static String charsetOf(Connection source, String collation) throws SQLException {
        List<List<String>> rows = CheckContext.rows(source, "SELECT CHARACTER_SET_NAME FROM information_schema.COLLATIONS "
                + "WHERE COLLATION_NAME = ?", collation);
        return rows.isEmpty() ? collation.substring(0, Math.max(collation.indexOf('_'), 0)) : rows.get(0).get(0);
    }

    private static String defaultCollation(Connection destination, String charset) throws SQLException {
        List<List<String>> rows = CheckContext.rows(destination, "SELECT DEFAULT_COLLATE_NAME FROM information_schema.CHARACTER_SETS "
                + "WHERE CHARACTER_SET_NAME = ?", charset);
        return rows.isEmpty() ? "<a collation of " + charset + " the destination lists in SHOW COLLATION>" : rows.get(0).get(0);
    }
}
