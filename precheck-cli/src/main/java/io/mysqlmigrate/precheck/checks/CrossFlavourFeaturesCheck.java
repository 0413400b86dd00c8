package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.dialect.FlavourFeatures;
import io.mysqlmigrate.dialect.FlavourFeatures.Feature;
import io.mysqlmigrate.dialect.FlavourFeatures.Outcome;
import io.mysqlmigrate.precheck.check.Check;
import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.check.CheckResult;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Between a source and a destination of different flavours (MySQL to MariaDB or back): every selected object using a
 * feature the destination's flavour lacks or treats otherwise ({@link FlavourFeatures}), and every table whose storage
 * engine the destination server does not have (MariaDB's Aria, say, on MySQL). A refused feature is a FAIL naming the
 * objects and the fix; a changed one a WARN naming what it becomes; a kept one is listed in the PASS.
 */
public final class CrossFlavourFeaturesCheck implements Check {

    /** ER_BAD_FIELD_ERROR, both flavours. */
    private static final int UNKNOWN_COLUMN = 1054;

    @Override
    public String id() {
        return "destination.flavour_features";
    }

    /** The objects of the selection using one feature: database, then the object and its detail. */
    record Use(Feature feature, List<String> objects) {
    }

    @Override
    public CheckResult run(CheckContext ctx) throws SQLException {
        String pair = ctx.sourceVersion() + " -> " + ctx.destinationVersion();
        List<Feature> features = FlavourFeatures.lackedBy(ctx.sourceVersion(), ctx.destinationVersion());
        if (features.isEmpty()) {
            return CheckResult.pass(id(), pair + ": one flavour, nothing one has and the other lacks");
        }
        List<Use> uses = new ArrayList<>();
        for (Feature feature : features) {
            Set<String> objects = new LinkedHashSet<>();
            Set<String> refused = new LinkedHashSet<>();
            List<String> reasons = new ArrayList<>();
            for (List<String> r : SelectedTablesQuery.rows(ctx, feature.query())) {
                if (r.get(1) != null && !SelectedTablesQuery.selected(ctx, r.get(0), r.get(1))) {
                    continue;
                }
                String object = r.get(0) + "." + r.get(2) + (r.get(3) == null || r.get(3).isBlank() ? "" : " (" + r.get(3) + ")");
                String problem = feature.probe() ? evaluate(ctx, r.get(3)) : null;
                if (problem == null) {
                    objects.add(object);
                } else {
                    refused.add(object);
                    reasons.add(problem);
                }
            }
            if (!objects.isEmpty()) {
                uses.add(new Use(feature, List.copyOf(objects)));
            }
            if (!refused.isEmpty()) {
                uses.add(new Use(new Feature(feature.id(), feature.name() + " the destination cannot evaluate", feature.query(),
                        Outcome.REFUSED, "it refuses them: " + String.join("; ", reasons), feature.fix()), List.copyOf(refused)));
            }
        }
        Use engines = missingEngines(ctx);
        if (engines != null) {
            uses.add(engines);
        }
        return verdict(id(), pair, uses);
    }

    /**
     * Whether the destination can evaluate an expression (a default): null when it can, or when the expression refers
     * to columns and cannot be evaluated alone (the destination then judges it when it creates the table); else the
     * destination's error.
     */
    private static String evaluate(CheckContext ctx, String expression) {
        try (Statement st = ctx.destinationConnection().createStatement()) {
            st.executeQuery("SELECT " + expression).close();
            return null;
        } catch (SQLException e) {
            return e.getErrorCode() == UNKNOWN_COLUMN ? null : e.getMessage();
        }
    }

    /** Tables whose engine the destination does not support; null when it supports them all. */
    private static Use missingEngines(CheckContext ctx) throws SQLException {
        Set<String> supported = new HashSet<>();
        for (List<String> r : CheckContext.rows(ctx.destinationConnection(), "SELECT ENGINE, SUPPORT FROM information_schema.ENGINES")) {
            if ("YES".equalsIgnoreCase(r.get(1)) || "DEFAULT".equalsIgnoreCase(r.get(1))) {
                supported.add(r.get(0).toLowerCase(Locale.ROOT));
            }
        }
        List<String> objects = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        for (List<String> t : SelectedTablesQuery.rows(ctx, "SELECT TABLE_SCHEMA, TABLE_NAME, ENGINE FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA IN (%s) AND TABLE_TYPE <> 'VIEW' ORDER BY 1, 2")) {
            String name = t.get(2);
            if (name != null && !supported.contains(name.toLowerCase(Locale.ROOT)) && SelectedTablesQuery.selected(ctx, t.get(0), t.get(1))) {
                objects.add(t.get(0) + "." + t.get(1) + " (ENGINE=" + name + ")");
                missing.add(name);
            }
        }
        if (objects.isEmpty()) {
            return null;
        }
        return new Use(new Feature("engine", "storage engines the destination does not have", "", Outcome.REFUSED,
                "the destination server has no " + String.join(", ", missing) + " engine (information_schema.ENGINES), and the "
                        + "sink's session does not let it substitute another (NO_ENGINE_SUBSTITUTION)",
                "On the source, ALTER TABLE <table> ENGINE=InnoDB (the sink applies rows transactionally anyway); or install the "
                        + "engine on the destination."), objects);
    }

    /** FAIL when a use is refused, WARN when one is changed, else PASS; each use named with its objects. */
    static CheckResult verdict(String id, String pair, List<Use> uses) {
        Map<Outcome, List<String>> byOutcome = new LinkedHashMap<>();
        List<String> fixes = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (Outcome outcome : List.of(Outcome.REFUSED, Outcome.CHANGED, Outcome.KEPT)) {
            for (Use use : uses) {
                if (use.feature().outcome() != outcome) {
                    continue;
                }
                byOutcome.computeIfAbsent(outcome, o -> new ArrayList<>()).add(use.feature().name() + ": "
                        + String.join(", ", use.objects()) + " (" + use.feature().what() + ")");
                if (outcome != Outcome.KEPT && !use.feature().fix().isEmpty()) {
                    fixes.add(use.feature().name() + ": " + use.feature().fix());
                }
            }
        }
        if (byOutcome.isEmpty()) {
            return CheckResult.pass(id, pair + ": the selection uses nothing one flavour has and the other lacks");
        }
        List<String> parts = new ArrayList<>();
        byOutcome.forEach((outcome, list) -> parts.add(switch (outcome) {
            case REFUSED -> "refused by the destination: ";
            case CHANGED -> "changed on the destination: ";
            case KEPT -> "kept: ";
        } + String.join("; ", list)));
        String found = pair + ": " + String.join(". ", parts);
        if (byOutcome.containsKey(Outcome.REFUSED)) {
            why.add("The destination refuses these objects: the migration stops at the first one.");
        }
        if (byOutcome.containsKey(Outcome.CHANGED)) {
            why.add("The changed objects migrate, but the destination holds them otherwise than the source, as said.");
        }
        String fix = String.join(" ", fixes);
        if (byOutcome.containsKey(Outcome.REFUSED)) {
            return CheckResult.fail(id, found, String.join(" ", why), fix);
        }
        if (byOutcome.containsKey(Outcome.CHANGED)) {
            return CheckResult.warn(id, found, String.join(" ", why), fix + " Or acknowledge " + id + " to accept the changes.");
        }
        return CheckResult.pass(id, found);
    }
}
