package io.mysqlmigrate.precheck.checks;

import io.mysqlmigrate.dialect.Identifiers;
import io.mysqlmigrate.precheck.check.CheckResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Privileges an account lacks, collected per object, turned into a verdict whose fix is the GRANT statements that
 * close every gap (runnable as they are). Blocking gaps make a FAIL, the others a WARN.
 */
final class PrivilegeGaps {

    private final String account;
    private final Map<String, Set<String>> toGrant = new LinkedHashMap<>();
    private final Map<String, Set<String>> blocking = new LinkedHashMap<>();
    private final Map<String, Set<String>> advisory = new LinkedHashMap<>();
    private final List<String> blockingWhy = new ArrayList<>();
    private final List<String> advisoryWhy = new ArrayList<>();

    PrivilegeGaps(String account) {
        this.account = account;
    }

    static String onDatabase(String database) {
        return Identifiers.quote(database) + ".*";
    }

    static String onTable(String database, String table) {
        return Identifiers.quote(database, table);
    }

    static final String GLOBAL = "*.*";

    /** A privilege that is missing on {@code object}; {@code why} is said once per reason. */
    void missing(boolean blocks, String privilege, String object, String why) {
        (blocks ? blocking : advisory).computeIfAbsent(object, o -> new LinkedHashSet<>()).add(privilege);
        List<String> reasons = blocks ? blockingWhy : advisoryWhy;
        if (!reasons.contains(why)) {
            reasons.add(why);
        }
        toGrant.computeIfAbsent(object, o -> new LinkedHashSet<>()).add(privilege);
    }

    /** {@code SELECT, INSERT on `db`.*; RELOAD on *.*}: one entry per object. */
    private static String describe(Map<String, Set<String>> gaps) {
        List<String> parts = new ArrayList<>();
        gaps.forEach((object, privileges) -> parts.add(String.join(", ", privileges) + " on " + object));
        return String.join("; ", parts);
    }

    CheckResult verdict(String id, String passed) {
        if (blocking.isEmpty() && advisory.isEmpty()) {
            return CheckResult.pass(id, account + " " + passed);
        }
        List<String> found = new ArrayList<>();
        if (!blocking.isEmpty()) {
            found.add("missing " + describe(blocking));
        }
        if (!advisory.isEmpty()) {
            found.add((blocking.isEmpty() ? "missing " : "and, not blocking, ") + describe(advisory));
        }
        List<String> grants = new ArrayList<>();
        toGrant.forEach((object, privileges) -> grants.add("GRANT " + String.join(", ", privileges) + " ON " + object
                + " TO " + account + ";"));
        String foundText = account + ": " + String.join("; ", found);
        String fix = String.join(" ", grants);
        return blocking.isEmpty() ? CheckResult.warn(id, foundText, String.join(" ", advisoryWhy), fix)
                : CheckResult.fail(id, foundText, String.join(" ", blockingWhy) + (advisoryWhy.isEmpty() ? ""
                        : " Not blocking: " + String.join(" ", advisoryWhy)), fix);
    }
}
