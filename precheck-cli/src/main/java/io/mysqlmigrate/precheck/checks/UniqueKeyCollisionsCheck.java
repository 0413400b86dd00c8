package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.dialect.CharsetDefaults;
import io.mysqlmigrate.dialect.CollationSubstitutes;
import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import io.mysqlmigrate.precheck.checks.KeyCollisions.Group;
import io.mysqlmigrate.precheck.checks.KeyCollisions.KeyColumn;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.sink.ddl.CollationMapping;
import io.mysqlmigrate.source.phase.MigrationType;
import io.mysqlmigrate.source.selection.condition.RowCondition;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Unique keys (PRIMARY and UNIQUE) of the selected tables whose distinct source values become equal on the destination,
 * because a text column of the key gets another collation there: the one {@code collation.mapping} (or
 * {@code charset.mapping}) gives it, say MySQL's utf8mb4_0900_ai_ci (UCA 9.0.0) becoming MariaDB's
 * utf8mb4_uca1400_nopad_ai_ci (UCA 14.0.0), or a NO PAD collation becoming a PAD SPACE one. The destination's unique
 * index then refuses the second value, or an upsert by it overwrites the first row: the migration stops or loses rows.
 * Each such key's values (the rows the row filter keeps, without NULLs, which never collide) are compared on the
 * destination under its real collations ({@link KeyCollisions}), in a TEMPORARY table in the sink's state database
 * (created, as the sink creates it, when missing; the account needs CREATE TEMPORARY TABLES there). A full read of each
 * such key, hence an assessment check ({@code --assess}).
 */
public final class UniqueKeyCollisionsCheck implements Check {

    static final Set<String> TEXT_TYPES = Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext");
    static final Set<String> BINARY_TYPES = Set.of("binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob",
            "geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon",
            "geometrycollection", "geomcollection");
    /** Colliding groups whose values the result shows, per key. */
    static final int SAMPLED_GROUPS = 3;

    /** A source column of a key, as information_schema describes it. */
    record SourceColumn(String name, String dataType, String charset, String collation, long maxChars) {
        boolean text() {
            return TEXT_TYPES.contains(dataType);
        }
    }

    /** One key part: a column, or an expression (MySQL's functional key parts: {@code column} is null). */
    record KeyPart(String column, Long prefix) {
    }

    /** A PRIMARY or UNIQUE key of a selected table. */
    record UniqueKey(String database, String table, String name, List<KeyPart> parts) {
        String label() {
            return database + "." + table + " key " + name;
        }
    }

    /** A key to compare: its source columns and how each travels, and the collation changes said. */
    private record Planned(UniqueKey key, List<SourceColumn> sourceColumns, List<KeyColumn> keyColumns, String changes) {
    }

    @Override
    public String id() {
        return "assess.unique_keys.collation";
    }

    @Override
    public boolean appliesTo(Set<MigrationType> types) {
        return types.contains(MigrationType.FULL) || types.contains(MigrationType.INCREMENTAL);
    }

    /**
     * The collation a source text column gets on the destination: its collation through the mapping; when only its
     * character set is mapped, the destination's default collation of the new character set (what the sink's DDL
     * rewriting leaves the destination to choose). Lower case.
     */
    static String destinationCollation(String collation, String charset, CollationMapping mapping, Map<String, String> destinationDefaults) {
        String target = mapping.collation(collation);
        String targetCharset = mapping.charset(charset);
        if (!targetCharset.equalsIgnoreCase(charset) && target.equalsIgnoreCase(collation)) {
            String fallback = destinationDefaults.get(targetCharset.toLowerCase(Locale.ROOT));
            target = fallback == null ? target : fallback;
        }
        return target.toLowerCase(Locale.ROOT);
    }

    /** The expression the source is read with: text and binary values (a prefix when the key has one), the rest exact. */
    static String sourceExpression(SourceColumn c, Long prefix) {
        String q = Identifiers.quote(c.name());
        if (c.text() || BINARY_TYPES.contains(c.dataType())) {
            return prefix == null ? q : "LEFT(" + q + ", " + prefix + ")";
        }
        return switch (c.dataType()) {
            case "float", "double", "real" -> "(" + q + " + 0e0)";
            case "timestamp" -> "UNIX_TIMESTAMP(" + q + ")";
            case "bit" -> "CAST(" + q + " AS UNSIGNED)";
            default -> q;
        };
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        Map<String, Map<String, SourceColumn>> columns = new LinkedHashMap<>();
        for (List<String> r : SelectedTablesQuery.rows(ctx, "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, DATA_TYPE, "
                + "CHARACTER_SET_NAME, COLLATION_NAME, CHARACTER_MAXIMUM_LENGTH FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA IN (%s)")) {
            columns.computeIfAbsent(r.get(0) + "." + r.get(1), t -> new LinkedHashMap<>()).put(r.get(2).toLowerCase(Locale.ROOT),
                    new SourceColumn(r.get(2), r.get(3).toLowerCase(Locale.ROOT), r.get(4), r.get(5),
                            r.get(6) == null ? 0 : Long.parseLong(r.get(6))));
        }
        Set<String> selected = new HashSet<>();
        SelectedTablesQuery.baseTables(ctx).forEach(t -> selected.add(t.qualified()));
        List<UniqueKey> keys = uniqueKeys(ctx, selected);

        CollationMapping mapping = ctx.sink().collationMapping();
        Map<String, String> destinationDefaults = CharsetDefaults.read(ctx.destinationConnection());
        Set<String> available = new HashSet<>();
        DestinationCollationsCheck.available(ctx.destinationConnection()).forEach(c -> available.add(c.toLowerCase(Locale.ROOT)));
        Predicate<String> columnSelected = SelectedTablesQuery.columnSelection(ctx);

        List<Planned> planned = new ArrayList<>();
        List<String> notCompared = new ArrayList<>();
        List<String> missingCollations = new ArrayList<>();
        for (UniqueKey key : keys) {
            Map<String, SourceColumn> tableColumns = columns.getOrDefault(key.database() + "." + key.table(), Map.of());
            List<SourceColumn> sourceColumns = new ArrayList<>();
            List<KeyColumn> keyColumns = new ArrayList<>();
            List<String> changes = new ArrayList<>();
            String problem = null;
            boolean missing = false;
            for (KeyPart part : key.parts()) {
                SourceColumn c = part.column() == null ? null : tableColumns.get(part.column().toLowerCase(Locale.ROOT));
                if (c == null) {
                    problem = problem != null ? problem : "an expression key part, which this comparison does not evaluate";
                    continue;
                }
                if (!columnSelected.test(key.database() + "." + key.table() + "." + c.name())) {
                    problem = problem != null ? problem : "column " + c.name() + " is excluded from the migration, so its values do not travel";
                    continue;
                }
                sourceColumns.add(c);
                if (!c.text()) {
                    keyColumns.add(new KeyColumn(c.name(), false, BINARY_TYPES.contains(c.dataType()), null, 0));
                    continue;
                }
                String target = destinationCollation(c.collation(), c.charset(), mapping, destinationDefaults);
                String proposed = "";
                if (!available.contains(target) && target.equalsIgnoreCase(c.collation())) {
                    // No rule for a collation the destination lacks: compare under the one destination.collations proposes.
                    var nearest = CollationSubstitutes.nearest(target, available);
                    if (nearest.isPresent()) {
                        target = nearest.get();
                        proposed = " (proposed by destination.collations, not yet in " + MigrationSinkConfig.COLLATION_MAPPING + ")";
                    }
                }
                if (!target.equalsIgnoreCase(c.collation())) {
                    changes.add(c.name() + ": " + c.collation() + " -> " + target + proposed);
                }
                if (!available.contains(target)) {
                    problem = "the destination has no collation " + target + " for column " + c.name() + " and none near enough "
                            + "to propose (see destination.collations)";
                    missing = true;
                }
                long chars = part.prefix() != null ? part.prefix() : c.maxChars();
                keyColumns.add(new KeyColumn(c.name(), true, false, target, chars));
            }
            if (changes.isEmpty() && !missing) {
                continue;
            }
            if (problem != null) {
                (missing ? missingCollations : notCompared).add(key.label() + ": " + problem);
                continue;
            }
            planned.add(new Planned(key, sourceColumns, keyColumns, String.join(", ", changes)));
        }
        if (planned.isEmpty() && notCompared.isEmpty() && missingCollations.isEmpty()) {
            return CheckResult.pass(id(), "no unique key of the selection has a text column whose collation changes on the "
                    + "destination (" + keys.size() + " unique key(s) looked at, after " + MigrationSinkConfig.COLLATION_MAPPING
                    + " and " + MigrationSinkConfig.CHARSET_MAPPING + ")");
        }

        List<String> collided = new ArrayList<>();
        List<String> alternatives = new ArrayList<>();
        List<String> compared = new ArrayList<>();
        long values = 0;
        if (!planned.isEmpty()) {
            String database = ctx.sink().stateDatabase();
            try (Connection destination = CheckContext.connect("destination", ctx.sink().hostname(), ctx.sink().port(),
                    ctx.sink().user(), ctx.sink().password().value(), ctx.sink().tls())) {
                try (Statement st = destination.createStatement()) {
                    // A temporary table needs an existing database; the sink creates its state database the same way.
                    st.execute("CREATE DATABASE IF NOT EXISTS " + Identifiers.quote(database) + " CHARACTER SET utf8mb4");
                    // GROUP BY compares only the first max_sort_length bytes of TEXT values: compare them whole.
                    st.execute("SET SESSION max_sort_length = 8388608");
                }
                int n = 0;
                for (Planned p : planned) {
                    try (KeyCollisions collisions = KeyCollisions.open(destination, database, "assess_unique_key_" + (++n), p.keyColumns())) {
                        load(ctx, p.key(), p.sourceColumns(), collisions);
                        values += collisions.rows();
                        List<Group> groups = collisions.collisions(SAMPLED_GROUPS);
                        compared.add(p.key().label() + " (" + p.changes() + ", " + collisions.rows() + " values)");
                        if (!groups.isEmpty()) {
                            collided.add(describe(p.key(), p.changes(), groups));
                            alternatives.addAll(alternatives(p, collisions, available));
                        }
                    }
                }
            }
        }
        String comparedText = compared.size() + " unique key(s) (" + values + " values) compared on the destination under the "
                + "collations it will use";
        String skipped = (notCompared.isEmpty() ? "" : "; not compared: " + String.join("; ", notCompared))
                + (missingCollations.isEmpty() ? "" : "; not compared: " + String.join("; ", missingCollations));
        if (!collided.isEmpty()) {
            return CheckResult.fail(id(), "distinct source values become equal on the destination: " + String.join("; ", collided)
                            + " (" + comparedText + skipped + ")",
                    "The destination's unique key treats these values as one: the full load or the sink stops on a duplicate key, "
                            + "or an upsert by the key overwrites the other row and a row is lost.",
                    "Change the values on the source so that no two of a group are equal under the destination's collation "
                            + "(UPDATE all but one row of each group, e.g. with a suffix); or map the source collation to "
                            + "another one in " + MigrationSinkConfig.COLLATION_MAPPING + " that keeps them apart (an accent- or "
                            + "case-sensitive or a binary collation of the destination, which changes what else compares equal "
                            + "there)" + (alternatives.isEmpty() ? "" : ". Compared on the destination, these keep the "
                            + "values apart: " + String.join("; ", alternatives) + " (being stricter, they also tell apart "
                            + "values the source's collation treats as equal, such as 'a' and 'A' under a case-sensitive one)")
                            + "; then run the precheck with --assess again.");
        }
        if (!missingCollations.isEmpty()) {
            return CheckResult.warn(id(), comparedText + ", no collisions" + skipped,
                    "Keys whose collation the destination lacks cannot be compared until a mapping names one it has.",
                    "Set " + MigrationSinkConfig.COLLATION_MAPPING + " as destination.collations proposes, then run the "
                            + "precheck with --assess again.");
        }
        return CheckResult.pass(id(), comparedText + ", no two distinct source values are equal there: "
                + String.join("; ", compared) + skipped);
    }

    /**
     * For a key whose values collide: the stricter collations of the destination (same pad attribute) under which they
     * do not, for each collation the key's changed columns take ({@code db.t key k: name -> utf8mb4_uca1400_nopad_as_cs}).
     */
    private static List<String> alternatives(Planned p, KeyCollisions collisions, Set<String> available) throws SQLException {
        List<String> out = new ArrayList<>();
        Set<String> targets = new java.util.LinkedHashSet<>();
        for (int i = 0; i < p.keyColumns().size(); i++) {
            KeyColumn k = p.keyColumns().get(i);
            if (k.text() && !k.destinationCollation().equalsIgnoreCase(p.sourceColumns().get(i).collation())) {
                targets.add(k.destinationCollation());
            }
        }
        for (String target : targets) {
            List<String> apart = new ArrayList<>();
            for (String candidate : CollationSubstitutes.stricter(target, available)) {
                if (collisions.groupsUnder(target, candidate) == 0) {
                    apart.add(candidate);
                }
            }
            if (!apart.isEmpty()) {
                out.add(p.key().label() + ": " + String.join(" or ", apart) + " instead of " + target);
            }
        }
        return out;
    }

    /** The PRIMARY and UNIQUE keys of the selected tables, parts in order. */
    private static List<UniqueKey> uniqueKeys(CheckContext ctx, Set<String> selected) throws SQLException {
        Map<String, UniqueKey> keys = new LinkedHashMap<>();
        for (List<String> r : SelectedTablesQuery.rows(ctx, "SELECT TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, COLUMN_NAME, SUB_PART "
                + "FROM information_schema.STATISTICS WHERE TABLE_SCHEMA IN (%s) AND NON_UNIQUE = 0 "
                + "ORDER BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX")) {
            if (!selected.contains(r.get(0) + "." + r.get(1))) {
                continue;
            }
            keys.computeIfAbsent(r.get(0) + "\0" + r.get(1) + "\0" + r.get(2), k -> new UniqueKey(r.get(0), r.get(1), r.get(2),
                    new ArrayList<>())).parts().add(new KeyPart(r.get(3), r.get(4) == null ? null : Long.parseLong(r.get(4))));
        }
        return List.copyOf(keys.values());
    }

    /** Streams the key's values (rows the row filter keeps, no NULL part) from the source into the comparison. */
    private static void load(CheckContext ctx, UniqueKey key, List<SourceColumn> sourceColumns, KeyCollisions collisions)
            throws SQLException {
        List<String> select = new ArrayList<>();
        List<String> notNull = new ArrayList<>();
        for (int i = 0; i < sourceColumns.size(); i++) {
            SourceColumn c = sourceColumns.get(i);
            select.add(sourceExpression(c, key.parts().get(i).prefix()));
            notNull.add(Identifiers.quote(c.name()) + " IS NOT NULL");
        }
        RowCondition filter = SelectedTablesQuery.rowFilter(ctx, key.database(), key.table());
        String sql = "SELECT " + String.join(", ", select) + " FROM " + Identifiers.quote(key.database(), key.table())
                + " WHERE " + String.join(" AND ", notNull) + (filter == null ? "" : " AND (" + filter.text() + ")");
        try (Statement st = ctx.sourceConnection().createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            st.setFetchSize(Integer.MIN_VALUE); // Connector/J streams the rows instead of holding the table in memory
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(sourceColumns.size());
                    for (int i = 0; i < sourceColumns.size(); i++) {
                        SourceColumn c = sourceColumns.get(i);
                        if (c.text()) {
                            row.add(rs.getString(i + 1));
                        } else if (BINARY_TYPES.contains(c.dataType())) {
                            row.add(rs.getBytes(i + 1));
                        } else {
                            row.add(rs.getString(i + 1).getBytes(StandardCharsets.UTF_8));
                        }
                    }
                    collisions.add(row);
                }
            }
        }
    }

    /** {@code db.t key uk (name: a -> b): 2 groups (5 rows) collide, e.g. 'x' = 'y'; ...}. */
    static String describe(UniqueKey key, String changes, List<Group> groups) {
        long rows = groups.stream().mapToLong(Group::rows).sum();
        List<String> examples = new ArrayList<>();
        for (Group g : groups) {
            if (g.samples().isEmpty()) {
                break;
            }
            List<String> tuples = g.samples().stream().map(t -> t.size() == 1 ? t.get(0) : "(" + String.join(", ", t) + ")").toList();
            examples.add(String.join(" = ", tuples) + (g.rows() > g.samples().size() ? " = ... (" + g.rows() + " rows)" : ""));
        }
        return key.label() + " (" + changes + "): " + groups.size() + (groups.size() == 1 ? " group" : " groups") + " of "
                + rows + " rows, e.g. " + String.join("; ", examples);
    }
}
